package dev.tandem.operations;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;

/**
 * The data entities Project Operations exposes to dual-write (DESIGN §3), with Dataverse logical names. Every
 * write to these tables goes through {@link dev.tandem.dualwrite.entity.DataEntityWriter}.
 *
 * <p>Each definition declares its <em>lookups</em> (field → entity whose integration key the field holds; table maps
 * follow them with dotted paths), its <em>alternate keys</em> (natural keys a map may address rows by), and its
 * <em>read-only</em> fields: what the app computes itself and no table map writes (DIPV1011). Keys are never
 * read-only, since maps address rows by them; a field a map must write (the §10 write-back fields of actuals, the
 * posted customer invoice of invoices) is never read-only either. Whether an entity accepts writes at all is
 * decided by its write path in {@link dev.tandem.operations.sync.OperationsSyncEntities}.
 */
public final class OperationsDataEntities {

    private static final List<String> AUDIT = List.of("createdon", "createdby", "modifiedon", "modifiedby");

    /** {@code cdm_companies}: legal entities, Finance is master ("Legal entities" map, §7). */
    public static final DataEntityDefinition COMPANIES = entity("cdm_companies", "cdm_company", "cdm_companycode",
            List.of("cdm_companycode", "cdm_name", "tdm_accountingcurrency"))
            .withReadOnly(AUDIT.toArray(String[]::new));

    /**
     * {@code msdyn_currencyexchangerates}: exchange rates, Finance is master ("CDS Exchange Rates" map, §7). The key is
     * the natural composite {@code <ratetype>|<from>|<to>|<yyyy-mm-dd>}.
     */
    public static final DataEntityDefinition EXCHANGE_RATES = entity("msdyn_currencyexchangerates",
            "msdyn_currencyexchangerate", "msdyn_currencyexchangerateid",
            List.of("msdyn_currencyexchangerateid", "msdyn_ratetype", "msdyn_fromcurrency", "msdyn_tocurrency",
                    "msdyn_rate", "msdyn_validfrom"))
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code msdyn_organizationalunits}: contracting and resourcing units; {@code tdm_legalentity} is a company code. */
    public static final DataEntityDefinition ORGANIZATIONAL_UNITS = entity("msdyn_organizationalunits",
            "msdyn_organizationalunit", "msdyn_organizationalunitid",
            List.of("msdyn_organizationalunitid", "msdyn_name", "transactioncurrency", "tdm_legalentity"))
            .withAlternateKeys("msdyn_name")
            .withLookup("tdm_legalentity", "cdm_companies")
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code accounts}: customers, Finance is master ("Customers V3" map, §7). */
    public static final DataEntityDefinition ACCOUNTS = entity("accounts", "account", "accountid",
            List.of("accountid", "accountnumber", "name"))
            .withAlternateKeys("accountnumber")
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code msdyn_transactioncategories}: expense categories ("Project transaction categories" map, §7). */
    public static final DataEntityDefinition TRANSACTION_CATEGORIES = entity("msdyn_transactioncategories",
            "msdyn_transactioncategory", "msdyn_transactioncategoryid",
            List.of("msdyn_transactioncategoryid", "msdyn_name"))
            .withAlternateKeys("msdyn_name")
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code bookableresources}: the resources actuals name (integration key of msdyn_actuals since 10.0.40, §7). */
    public static final DataEntityDefinition BOOKABLE_RESOURCES = entity("bookableresources", "bookableresource",
            "bookableresourceid", List.of("bookableresourceid", "name", "msdyn_organizationalunit", "tdm_defaultrole"))
            .withAlternateKeys("name")
            .withLookup("msdyn_organizationalunit", "msdyn_organizationalunits")
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code msdyn_projects}. */
    public static final DataEntityDefinition PROJECTS = entity("msdyn_projects", "msdyn_project", "msdyn_projectid",
            List.of("msdyn_projectid", "msdyn_projectnumber", "msdyn_subject", "msdyn_customer",
                    "msdyn_contractorganizationalunitid"))
            .withAlternateKeys("msdyn_projectnumber")
            .withLookup("msdyn_customer", "accounts")
            .withLookup("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
            .withReadOnly(AUDIT.toArray(String[]::new));

    /** {@code salesorders}: project contracts. */
    public static final DataEntityDefinition CONTRACTS = entity("salesorders", "salesorder", "salesorderid",
            List.of("salesorderid", "ordernumber", "name", "customerid", "msdyn_contractorganizationalunitid",
                    "transactioncurrency", "pricelevelid", "tdm_contractstatus", "tdm_ntelimit", "tdm_confirmedon"))
            .withAlternateKeys("ordernumber")
            .withLookup("customerid", "accounts")
            .withLookup("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
            .withReadOnly(readOnly("tdm_contractstatus", "tdm_confirmedon"));

    /** {@code salesorderdetails}: project contract lines. */
    public static final DataEntityDefinition CONTRACT_LINES = entity("salesorderdetails", "salesorderdetail",
            "salesorderdetailid",
            List.of("salesorderdetailid", "salesorderid", "lineitemnumber", "productdescription", "msdyn_billingmethod",
                    "msdyn_project", "msdyn_includetime", "msdyn_includeexpense", "msdyn_includematerial",
                    "msdyn_includefee", "tdm_selectedtasksonly", "tdm_ntelimit", "tdm_contractedamount"))
            .withLookup("salesorderid", "salesorders")
            .withLookup("msdyn_project", "msdyn_projects")
            .withReadOnly(readOnly("lineitemnumber"));

    /**
     * {@code invoices}: proforma invoice headers, read by the "Project invoice proposals V2" map (§3.2, §7.3) and
     * written by the msdyn_customerinvoices map (§10 item 5): status Posted and the posted customer invoice
     * ({@code tdm_customerinvoicenumber}, {@code _date}, {@code _tax}, {@code _amount}); those and the keys are the
     * only fields not read-only.
     */
    public static final DataEntityDefinition INVOICES = entity("invoices", "invoice", "invoiceid",
            List.of("invoiceid", "invoicenumber", "name", "description", "salesorderid", "customerid",
                    "transactioncurrency", "pricelevelid", "msdyn_invoicedate", "msdyn_projectinvoicestatus", "statecode",
                    "msdyn_ordertype", "msdyn_hascorrections", "tdm_iscreditnote", "tdm_correctedinvoice",
                    "totallineitemamount", "totaltax", "totalamount", "tdm_bulkconfirmationstatus",
                    "tdm_bulkconfirmationdetail", "tdm_confirmedon", "tdm_customerinvoicenumber",
                    "tdm_customerinvoicedate", "tdm_customerinvoicetax", "tdm_customerinvoiceamount"))
            .withAlternateKeys("invoicenumber")
            .withLookup("salesorderid", "salesorders")
            .withLookup("customerid", "accounts")
            .withReadOnly(readOnly("salesorderid", "customerid", "transactioncurrency", "pricelevelid", "statecode",
                    "msdyn_ordertype", "msdyn_hascorrections", "tdm_iscreditnote", "tdm_correctedinvoice",
                    "totallineitemamount", "totaltax", "totalamount", "tdm_bulkconfirmationstatus",
                    "tdm_bulkconfirmationdetail", "tdm_confirmedon"));

    /** {@code msdyn_contractlinescheduleofvalues}: fixed-price milestones (§3.5). */
    public static final DataEntityDefinition MILESTONES = entity("msdyn_contractlinescheduleofvalues",
            "msdyn_contractlinescheduleofvalue", "msdyn_contractlinescheduleofvalueid",
            List.of("msdyn_contractlinescheduleofvalueid", "msdyn_name", "msdyn_contractlineid", "msdyn_salescontract",
                    "msdyn_projecttask", "msdyn_invoicedate", "msdyn_amount", "msdyn_tax", "msdyn_amount_after_tax",
                    "msdyn_invoicestatus", "transactioncurrency", "msdyn_invoice"))
            .withLookup("msdyn_contractlineid", "salesorderdetails")
            .withLookup("msdyn_salescontract", "salesorders")
            .withLookup("msdyn_invoice", "invoices")
            .withReadOnly(readOnly("msdyn_amount_after_tax", "msdyn_invoice"));

    /** The only fields of an actual Finance writes back (§10 items 1 and 3); every other field is read-only. */
    public static final List<String> ACTUAL_WRITE_BACK = List.of("tdm_vouchernumber", "tdm_accountingamount",
            "tdm_salestaxamount", "exchangerate", "msdyn_accountingdate");

    private static final List<String> ACTUAL_FIELDS = List.of("msdyn_actualid", "msdyn_description",
            "msdyn_externaldescription", "msdyn_transactiontypecode", "msdyn_transactionclassification",
            "msdyn_billingstatus", "msdyn_billingtype", "msdyn_adjustmentstatus", "msdyn_amountmethod", "msdyn_quantity",
            "msdyn_price", "msdyn_amount", "transactioncurrency", "exchangerate", "msdyn_exchangeratedate",
            "msdyn_documentdate", "msdyn_accountingdate", "msdyn_startdatetime", "msdyn_enddatetime", "msdyn_project",
            "msdyn_task", "msdyn_salescontract", "msdyn_salescontractlineid", "msdyn_accountcustomer",
            "msdyn_customertype", "msdyn_bookableresource", "msdyn_resourcecategory",
            "msdyn_resourceorganizationalunitid", "msdyn_contractorganizationalunitid", "msdyn_transactioncategory",
            "msdyn_product", "msdyn_unit", "msdyn_pricelist", "msdyn_invoice", "msdyn_isjournalized",
            "msdyn_externalreferenceid", "tdm_ntestatus", "tdm_ntedetail", "tdm_skipsync", "tdm_sourcedocumenttype",
            "tdm_sourcedocumentid", "tdm_accountingamount", "tdm_vouchernumber", "tdm_salestaxamount");

    /**
     * {@code msdyn_actuals}: the financial fact table (§3.1). The app creates every actual; Finance writes back only
     * {@link #ACTUAL_WRITE_BACK} (§10), so all other fields but the key are read-only.
     */
    public static final DataEntityDefinition ACTUALS = entity("msdyn_actuals", "msdyn_actual", "msdyn_actualid",
            ACTUAL_FIELDS)
            .withLookup("msdyn_project", "msdyn_projects")
            .withLookup("msdyn_salescontract", "salesorders")
            .withLookup("msdyn_salescontractlineid", "salesorderdetails")
            .withLookup("msdyn_accountcustomer", "accounts")
            .withLookup("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
            .withLookup("msdyn_resourceorganizationalunitid", "msdyn_organizationalunits")
            .withLookup("msdyn_invoice", "invoices")
            .withLookup("msdyn_transactioncategory", "msdyn_transactioncategories")
            .withLookup("msdyn_bookableresource", "bookableresources")
            .withReadOnly(readOnly(ACTUAL_FIELDS.stream()
                    .filter(f -> !f.equals("msdyn_actualid") && !ACTUAL_WRITE_BACK.contains(f))
                    .toArray(String[]::new)));

    /** {@code invoicedetails}: invoice lines, one per contract line (§3.3); amounts are roll-ups. */
    public static final DataEntityDefinition INVOICE_LINES = entity("invoicedetails", "invoicedetail", "invoicedetailid",
            List.of("invoicedetailid", "invoiceid", "msdyn_contractlineid", "productdescription", "msdyn_billingmethod",
                    "msdyn_project", "baseamount", "tax", "extendedamount"))
            .withLookup("invoiceid", "invoices")
            .withLookup("msdyn_contractlineid", "salesorderdetails")
            .withLookup("msdyn_project", "msdyn_projects")
            .withReadOnly(readOnly("msdyn_billingmethod", "baseamount", "tax", "extendedamount"));

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
                    "tdm_manual", "tdm_customer", "transactioncurrency"))
            .withLookup("msdyn_invoice", "invoices")
            .withLookup("msdyn_invoicelineid", "invoicedetails")
            .withLookup("msdyn_salescontract", "salesorders")
            .withLookup("msdyn_salescontractlineid", "salesorderdetails")
            .withLookup("msdyn_project", "msdyn_projects")
            .withLookup("msdyn_transactioncategory", "msdyn_transactioncategories")
            .withLookup("msdyn_bookableresource", "bookableresources")
            .withLookup("tdm_customer", "accounts")
            .withLookup("tdm_sourceactual", "msdyn_actuals")
            .withLookup("tdm_billedsalesactual", "msdyn_actuals")
            .withLookup("tdm_milestone", "msdyn_contractlinescheduleofvalues")
            .withReadOnly(readOnly("msdyn_correction", "msdyn_originalinvoicelinedetail", "msdyn_previousamount",
                    "tdm_previousquantity", "tdm_sourceactual", "tdm_billedsalesactual", "tdm_milestone", "tdm_manual"));

    /**
     * {@code msdyn_transactionconnections}: links between business transactions (§3.6). The transactions are
     * polymorphic (an actual or a line detail), so they are not lookups; every field is computed by the app.
     */
    public static final DataEntityDefinition TRANSACTION_CONNECTIONS = entity("msdyn_transactionconnections",
            "msdyn_transactionconnection", "msdyn_transactionconnectionid",
            List.of("msdyn_transactionconnectionid", "msdyn_transaction1", "msdyn_transaction1role",
                    "msdyn_transaction1type", "msdyn_transaction2", "msdyn_transaction2role", "msdyn_transaction2type"))
            .withReadOnly(readOnly("msdyn_transaction1", "msdyn_transaction1role", "msdyn_transaction1type",
                    "msdyn_transaction2", "msdyn_transaction2role", "msdyn_transaction2type"));

    /**
     * All entities, in dependency order: every entity comes after the entities its lookups refer to (reference data
     * first), so a batch inserts parents before children (R19).
     */
    public static final List<DataEntityDefinition> ALL = List.of(COMPANIES, EXCHANGE_RATES, ORGANIZATIONAL_UNITS,
            ACCOUNTS, TRANSACTION_CATEGORIES, BOOKABLE_RESOURCES, PROJECTS, CONTRACTS, CONTRACT_LINES, INVOICES,
            MILESTONES, ACTUALS, INVOICE_LINES, INVOICE_LINE_DETAILS, TRANSACTION_CONNECTIONS);

    private OperationsDataEntities() {
    }

    private static DataEntityDefinition entity(String name, String table, String key, List<String> fields) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.addAll(AUDIT);
        return new DataEntityDefinition(name, table, key, all);
    }

    /** The given fields and the audit fields. */
    private static String[] readOnly(String... fields) {
        List<String> all = new java.util.ArrayList<>(List.of(fields));
        all.addAll(AUDIT);
        return all.toArray(String[]::new);
    }
}
