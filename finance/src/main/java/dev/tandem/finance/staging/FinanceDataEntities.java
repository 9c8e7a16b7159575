package dev.tandem.finance.staging;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;

/**
 * The data entities Finance exposes to dual-write (DESIGN §3). Every write to their tables goes through
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter}, so the outbox carries the change to Project Operations; the one
 * exception is the claim of Import from staging (and its release for a row that could not be imported), explained on
 * {@link dev.tandem.finance.journal.ImportFromStaging}.
 */
public final class FinanceDataEntities {

    /**
     * {@code ProjCDSActualsImportEntity} ("Integration entity for project actuals", §3.7) over the staging table
     * {@code projcdsactualsimport}. The integration key is the Dataverse actual id: one staging row per actual. Fields
     * are the table's columns, F&O names in lower case (see {@code V1__actuals_staging.sql}).
     */
    public static final DataEntityDefinition ACTUALS_STAGING = new DataEntityDefinition("ProjCDSActualsImportEntity",
            "projcdsactualsimport", "actualid", List.of("actualsimportid", "actualid", "accountingdate",
                    "adjustmentstatus", "amount", "amountmst", "billingstatusid", "billingtype", "contractid",
                    "contractline", "contractingunit", "description", "documentdate", "startdate", "enddate",
                    "exchangeratedate", "exchangerate", "externaldescription", "externalreference", "invoiceid",
                    "isjournalized", "owningbusinessid", "owninguser", "projectid", "quantity", "status",
                    "statusreason", "taskid", "transactionclassification", "transactioncategory",
                    "transactioncategoryid", "transactioncurrencyid", "transtype", "unitofmeasure", "unitprice",
                    "unitpricemst", "projadvancedjournalline", "resourceid", "resourceoperationunitid",
                    "projectdataareaid", "isprocessed", "integrationcount", "isduplicate", "customeraccountnumber",
                    "productnumber", "vouchernumber", "salestaxamount", "accountingamount", "bookableresourcename",
                    "activitynumber", "fundingsourceid", "invoiceproposalid", "invoiceproposallinetransid",
                    "createdon", "createdby", "modifiedon", "modifiedby"))
            // Finance's own fields (StagingColumns.FINANCE_OWNED): a delivery's value for them is ignored, so a map
            // must not write them (DIPV1011). The write-back fields flow the other way, on the map's reverse leg.
            .withReadOnly("actualsimportid", "isprocessed", "integrationcount", "isduplicate", "projadvancedjournalline",
                    "vouchernumber", "salestaxamount", "accountingamount", "isjournalized", "invoiceproposalid",
                    "invoiceproposallinetransid", "fundingsourceid", "createdon", "createdby", "modifiedon",
                    "modifiedby");

    /** All entities of Finance. */
    public static final List<DataEntityDefinition> ALL = List.of(ACTUALS_STAGING);

    private FinanceDataEntities() {
    }
}
