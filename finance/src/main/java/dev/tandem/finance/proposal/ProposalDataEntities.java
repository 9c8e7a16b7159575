package dev.tandem.finance.proposal;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.finance.onaccount.OnAccountTransactions;
import java.util.ArrayList;
import java.util.List;

/**
 * The data entities of invoice proposals that Finance exposes to dual-write (§7), with F&O column names in lower
 * case. Every write to these tables goes through {@link dev.tandem.dualwrite.entity.DataEntityWriter}, so each
 * change is in the outbox in the same transaction.
 *
 * <ul>
 *   <li>{@link #PROPOSAL_HEADERS} — "Project invoice proposals V2": created from a confirmed proforma invoice
 *       (§7.3), updated by Finance (totals, status, posted invoice number, voucher).</li>
 *   <li>{@link #TRANSACTION_RELATIONSHIPS} — "Integration entity for project transaction relationships" (§7.2).</li>
 *   <li>{@link #ON_ACCOUNT_TRANSACTIONS} — "Project Operations integration contract line milestones" (§3.10, §7.2).</li>
 *   <li>{@link #CUSTOMER_INVOICE_EXPORT} — "invoice proposal export entity" (msdyn_customerinvoices, §10 item 5).</li>
 *   <li>{@link #ACTUALS_STAGING} — "Project actuals import" (§3.7): proposals write the §10 items 2–3 fields back
 *       to billed-sales rows; the actuals map carries them to Project Operations.</li>
 * </ul>
 */
public final class ProposalDataEntities {

    private static final List<String> AUDIT = List.of("createdon", "createdby", "modifiedon", "modifiedby");

    /** {@code projproposaljour}: invoice proposal headers (§3.9); key = proposal id = proforma invoice number. */
    public static final DataEntityDefinition PROPOSAL_HEADERS = entity("projinvoiceproposals", "projproposaljour",
            "proposalid", List.of("proposalid", "dataareaid", "projinvoiceprojid", "fundingsource", "invoiceaccount",
                    "currencyid", "invoicedate", "duedate", "description", "status", "workflowstatus", "invoiceamount",
                    "sumtax", "onaccountamount", "projinvoiceid", "ledgervoucher", "iscreditnote", "expectedamount"))
            // Finance computes these (due date from the customer's terms, status, workflow, totals, posting).
            .withReadOnly("duedate", "status", "workflowstatus", "invoiceamount", "sumtax", "onaccountamount",
                    "projinvoiceid", "ledgervoucher", "createdon", "createdby", "modifiedon", "modifiedby");

    /** {@code projcdstransactionrelationshipimport}: transaction connections from Project Operations (§3.6). */
    public static final DataEntityDefinition TRANSACTION_RELATIONSHIPS = entity("projcdstransactionrelationships",
            "projcdstransactionrelationshipimport", "connectionid", List.of("connectionid", "transaction1id",
                    "transaction1role", "transaction1type", "transaction2id", "transaction2role", "transaction2type"))
            .withReadOnly("createdon", "createdby", "modifiedon", "modifiedby");

    /** {@code projonacctrans}: on-account transactions, one per billing milestone (§3.10). */
    public static final DataEntityDefinition ON_ACCOUNT_TRANSACTIONS = OnAccountTransactions.ENTITY;

    /** {@code projcustinvoiceexport}: posted customer invoices, for the proforma invoice (§10 item 5). */
    public static final DataEntityDefinition CUSTOMER_INVOICE_EXPORT = entity("projcustomerinvoiceexports",
            "projcustinvoiceexport", "proposalid", List.of("proposalid", "dataareaid", "invoiceid", "invoicedate",
                    "duedate", "invoiceaccount", "currencyid", "invoiceamount", "sumtax", "invoiceamountmst", "status",
                    "iscreditnote", "ledgervoucher"));

    /**
     * The actuals staging entity (§3.7), declared once in {@link dev.tandem.finance.staging.FinanceDataEntities}:
     * proposals write the §10 items 2–3 fields back through it.
     */
    public static final DataEntityDefinition ACTUALS_STAGING =
            dev.tandem.finance.staging.FinanceDataEntities.ACTUALS_STAGING;

    /** All entities of this package, parents first. */
    public static final List<DataEntityDefinition> ALL = List.of(PROPOSAL_HEADERS, TRANSACTION_RELATIONSHIPS,
            ON_ACCOUNT_TRANSACTIONS, CUSTOMER_INVOICE_EXPORT, ACTUALS_STAGING);

    private ProposalDataEntities() {
    }

    private static DataEntityDefinition entity(String name, String table, String key, List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(AUDIT);
        return new DataEntityDefinition(name, table, key, all);
    }
}
