package dev.tandem.operations;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;

/**
 * The data entities Project Operations exposes to dual-write (DESIGN §3), with Dataverse logical names. Every
 * write to these tables goes through {@link dev.tandem.dualwrite.entity.DataEntityWriter}.
 */
public final class OperationsDataEntities {

    private static final List<String> AUDIT = List.of("createdon", "createdby", "modifiedon", "modifiedby");

    /** {@code msdyn_actuals}: the financial fact table (§3.1). */
    public static final DataEntityDefinition ACTUALS = entity("msdyn_actuals", "msdyn_actual", "msdyn_actualid",
            List.of("msdyn_actualid", "msdyn_description", "msdyn_externaldescription", "msdyn_transactiontypecode",
                    "msdyn_transactionclassification", "msdyn_billingstatus", "msdyn_billingtype",
                    "msdyn_adjustmentstatus", "msdyn_amountmethod", "msdyn_quantity", "msdyn_price", "msdyn_amount",
                    "transactioncurrency", "exchangerate", "msdyn_exchangeratedate", "msdyn_documentdate",
                    "msdyn_accountingdate", "msdyn_startdatetime", "msdyn_enddatetime", "msdyn_project", "msdyn_task",
                    "msdyn_salescontract", "msdyn_salescontractlineid", "msdyn_accountcustomer", "msdyn_customertype",
                    "msdyn_bookableresource", "msdyn_resourcecategory", "msdyn_resourceorganizationalunitid",
                    "msdyn_contractorganizationalunitid", "msdyn_transactioncategory", "msdyn_product", "msdyn_unit",
                    "msdyn_pricelist", "msdyn_invoice", "msdyn_isjournalized", "msdyn_externalreferenceid",
                    "tdm_ntestatus", "tdm_ntedetail", "tdm_skipsync", "tdm_sourcedocumenttype",
                    "tdm_sourcedocumentid", "tdm_accountingamount", "tdm_vouchernumber", "tdm_salestaxamount"));

    /** {@code msdyn_transactionconnections}: links between business transactions (§3.6). */
    public static final DataEntityDefinition TRANSACTION_CONNECTIONS = entity("msdyn_transactionconnections",
            "msdyn_transactionconnection", "msdyn_transactionconnectionid",
            List.of("msdyn_transactionconnectionid", "msdyn_transaction1", "msdyn_transaction1role",
                    "msdyn_transaction1type", "msdyn_transaction2", "msdyn_transaction2role", "msdyn_transaction2type"));

    /** {@code msdyn_contractlinescheduleofvalues}: fixed-price milestones (§3.5). */
    public static final DataEntityDefinition MILESTONES = entity("msdyn_contractlinescheduleofvalues",
            "msdyn_contractlinescheduleofvalue", "msdyn_contractlinescheduleofvalueid",
            List.of("msdyn_contractlinescheduleofvalueid", "msdyn_name", "msdyn_contractlineid", "msdyn_salescontract",
                    "msdyn_projecttask", "msdyn_invoicedate", "msdyn_amount", "msdyn_tax", "msdyn_amount_after_tax",
                    "msdyn_invoicestatus", "transactioncurrency", "msdyn_invoice"));

    /** {@code msdyn_projects}. */
    public static final DataEntityDefinition PROJECTS = entity("msdyn_projects", "msdyn_project", "msdyn_projectid",
            List.of("msdyn_projectid", "msdyn_projectnumber", "msdyn_subject", "msdyn_customer",
                    "msdyn_contractorganizationalunitid"));

    /** {@code salesorders}: project contracts. */
    public static final DataEntityDefinition CONTRACTS = entity("salesorders", "salesorder", "salesorderid",
            List.of("salesorderid", "ordernumber", "name", "customerid", "msdyn_contractorganizationalunitid",
                    "transactioncurrency", "pricelevelid", "tdm_contractstatus", "tdm_ntelimit", "tdm_confirmedon"));

    /** {@code salesorderdetails}: project contract lines. */
    public static final DataEntityDefinition CONTRACT_LINES = entity("salesorderdetails", "salesorderdetail",
            "salesorderdetailid",
            List.of("salesorderdetailid", "salesorderid", "lineitemnumber", "productdescription", "msdyn_billingmethod",
                    "msdyn_project", "msdyn_includetime", "msdyn_includeexpense", "msdyn_includematerial",
                    "msdyn_includefee", "tdm_selectedtasksonly", "tdm_ntelimit", "tdm_contractedamount"));

    /** {@code invoices}: proforma invoice headers, read by the "Project invoice proposals V2" map (§3.2). */
    public static final DataEntityDefinition INVOICES = entity("invoices", "invoice", "invoiceid",
            List.of("invoiceid", "invoicenumber", "name", "description", "salesorderid", "customerid",
                    "transactioncurrency", "pricelevelid", "msdyn_invoicedate", "msdyn_projectinvoicestatus", "statecode",
                    "msdyn_ordertype", "msdyn_hascorrections", "tdm_iscreditnote", "tdm_correctedinvoice",
                    "totallineitemamount", "totaltax", "totalamount", "tdm_bulkconfirmationstatus",
                    "tdm_bulkconfirmationdetail", "tdm_confirmedon"));

    /** {@code invoicedetails}: invoice lines, one per contract line (§3.3). */
    public static final DataEntityDefinition INVOICE_LINES = entity("invoicedetails", "invoicedetail", "invoicedetailid",
            List.of("invoicedetailid", "invoiceid", "msdyn_contractlineid", "productdescription", "msdyn_billingmethod",
                    "msdyn_project", "baseamount", "tax", "extendedamount"));

    /** {@code msdyn_invoicelinetransactions}: invoice line details (§3.4). */
    public static final DataEntityDefinition INVOICE_LINE_DETAILS = entity("msdyn_invoicelinetransactions",
            "msdyn_invoicelinetransaction", "msdyn_invoicelinetransactionid",
            List.of("msdyn_invoicelinetransactionid", "msdyn_invoice", "msdyn_invoicelineid", "msdyn_salescontract",
                    "msdyn_salescontractlineid", "msdyn_project", "msdyn_task", "msdyn_transactioncategory",
                    "msdyn_resourcecategory", "msdyn_bookableresource", "msdyn_product", "msdyn_unit", "msdyn_quantity",
                    "msdyn_price", "msdyn_amount", "msdyn_tax", "msdyn_billingtype", "msdyn_transactiontypecode",
                    "msdyn_transactionclassification", "msdyn_correction", "msdyn_originalinvoicelinedetail",
                    "msdyn_previousamount", "tdm_previousquantity", "msdyn_documentdate", "msdyn_description",
                    "msdyn_externaldescription", "tdm_sourceactual", "tdm_milestone", "tdm_billedsalesactual",
                    "tdm_manual", "tdm_customer", "transactioncurrency"));

    /** All entities, in dependency order (parents first). */
    public static final List<DataEntityDefinition> ALL = List.of(PROJECTS, CONTRACTS, CONTRACT_LINES, MILESTONES,
            ACTUALS, TRANSACTION_CONNECTIONS, INVOICES, INVOICE_LINES, INVOICE_LINE_DETAILS);

    private OperationsDataEntities() {
    }

    private static DataEntityDefinition entity(String name, String table, String key, List<String> fields) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.addAll(AUDIT);
        return new DataEntityDefinition(name, table, key, all);
    }
}
