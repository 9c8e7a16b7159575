package dev.tandem.finance.proposal;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.finance.staging.StagingRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Finance world of {@link FinanceTestBase} plus invoice proposals wired with {@link PercentSalesTax}, and
 * helpers that play the other parties: the dual-write runtime (staging rows, relationships, headers arriving) and
 * the integration journal (posting unbilled sales: the WIP voucher and the §10 item 1 write-back).
 */
abstract class ProposalTestBase extends FinanceTestBase {

    static final int TIME = 192350000;
    static final int EXPENSE = 192350001;
    static final int MATERIAL = 192350002;
    static final int MILESTONE = 192350003;
    static final int FEE = 192350004;
    static final int CHARGEABLE = 192350001;
    static final int NON_CHARGEABLE = 192350000;
    static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);
    static final LocalDate WORK_DATE = LocalDate.of(2026, 3, 10);
    static final UUID CONTRACT_LINE = UUID.fromString("0190aaaa-0000-7000-8000-000000000001");

    protected PercentSalesTax tax;
    protected InvoiceProposals proposals;

    @BeforeEach
    void wireProposals() {
        tax = new PercentSalesTax();
        proposals = new InvoiceProposals(finance.context(), finance.postingSetup(), finance.numbers(), finance.rates(),
                finance.ledger(), tax);
    }

    /** The header as the "Project invoice proposals V2" map delivers it. */
    ProposalHeader header(String proposalId, String currency) {
        return proposals.headers().upsertHeader(new HeaderInput(proposalId, LE, CONTRACT, CUSTOMER, CUSTOMER, currency,
                INVOICE_DATE, "Proforma " + proposalId, false, null));
    }

    /** An unbilled sales actual synced at approval: no invoice id, not journalized. */
    UUID stageUnbilled(String currency, String quantity, String price, int classification) {
        return stage(StagingRow.UNBILLED_SALES, null, currency, quantity, price, classification, CHARGEABLE, PROJECT);
    }

    /** A billed sales actual synced at confirmation, on proforma invoice {@code invoiceId}. */
    UUID stageBilled(String invoiceId, String currency, String quantity, String price, int classification) {
        return stage(StagingRow.BILLED_SALES, invoiceId, currency, quantity, price, classification, CHARGEABLE, PROJECT);
    }

    UUID stage(int transType, String invoiceId, String currency, String quantity, String price, int classification,
               Integer billingType, String project) {
        return stage(transType, invoiceId, currency, quantity, price, classification, billingType, project, CONTRACT);
    }

    UUID stage(int transType, String invoiceId, String currency, String quantity, String price, int classification,
               Integer billingType, String project, String contract) {
        UUID actual = Ids.newId();
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = new BigDecimal(price);
        OffsetDateTime now = OffsetDateTime.of(2026, 4, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        jdbc.update("INSERT INTO projcdsactualsimport (actualsimportid, actualid, amount, quantity, unitprice, documentdate, "
                + "accountingdate, projectid, projectdataareaid, contractid, contractline, transactioncurrencyid, transtype, "
                + "transactionclassification, billingtype, invoiceid, description, createdon, createdby, modifiedon, "
                + "modifiedby) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), actual,
                Money.round(q.multiply(p), currency), q, p, WORK_DATE, WORK_DATE, project, LE, contract, CONTRACT_LINE,
                currency, transType, classification, billingType, invoiceId, "Work " + actual, now, "dual-write", now,
                "dual-write");
        return actual;
    }

    /** The confirmation's connection Billed Sales ↔ Unbilled Sales, as the relationship map delivers it. */
    void connect(UUID billed, UUID unbilled) {
        proposals.relationships().upsert(List.of(new Relationship(Ids.newId(), billed,
                TransactionRelationships.ROLE_BILLED_SALES, "msdyn_actual", unbilled,
                TransactionRelationships.ROLE_UNBILLED_SALES, "msdyn_actual")));
    }

    /**
     * What posting the integration journal does to an unbilled sales row (the journal's job, done by hand here):
     * with accrued revenue, Dr WIP sales value / Cr accrued revenue at {@code rate}; then voucher, exchange rate and
     * accounting amount written back to staging (§10 item 1).
     */
    String journalize(UUID unbilledActual, String rate) {
        Map<String, Object> row = jdbc.queryForMap("SELECT amount, transactioncurrencyid, projectid FROM "
                + "projcdsactualsimport WHERE actualid = ?", unbilledActual);
        BigDecimal amount = ((BigDecimal) row.get("amount")).setScale(Money.minorUnits(currency(row)),
                Money.ROUNDING);
        BigDecimal r = new BigDecimal(rate);
        String voucher;
        if (finance.postingSetup().profile(LE, (String) row.get("projectid")).accrueRevenue()) {
            voucher = finance.ledger().post(new Ledger.Draft(LE, WORK_DATE, "Unbilled sales", "test-journal",
                    unbilledActual.toString(), List.of(
                    new Ledger.Line("140100", currency(row), amount, r, (String) row.get("projectid"), null, "WIP"),
                    new Ledger.Line("401100", currency(row), amount.negate(), r, (String) row.get("projectid"), null,
                            "Accrued revenue")))).voucher();
        } else {
            voucher = finance.context().inTransaction(() -> finance.numbers().next(LE, NumberSequences.VOUCHER));
        }
        jdbc.update("UPDATE projcdsactualsimport SET vouchernumber = ?, exchangerate = ?, accountingamount = ?, "
                + "isprocessed = TRUE, isjournalized = TRUE WHERE actualid = ?", voucher, r,
                Money.round(amount.multiply(r), "USD"), unbilledActual);
        // The posted journal line, which records whether it accrued WIP: invoice posting reverses exactly that.
        if (jdbc.queryForObject("SELECT COUNT(*) FROM projintegrationjournal WHERE journalid = 'TEST-JOURNAL'",
                Integer.class) == 0) {
            jdbc.update("INSERT INTO projintegrationjournal (dataareaid, journalid, periodunit, periodstart, status, "
                    + "description, createdon, createdby, modifiedon, modifiedby) VALUES (?, 'TEST-JOURNAL', 'ALL', NULL, "
                    + "'POSTED', 'journalized by hand', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')", LE);
        }
        boolean accrued = finance.postingSetup().profile(LE, (String) row.get("projectid")).accrueRevenue();
        jdbc.update("INSERT INTO projintegrationjournalline (lineid, dataareaid, journalid, actualid, actualsimportid, "
                + "transtype, transactionclassification, projid, quantity, amount, currency, transdate, accountingdate, "
                + "exchangerate, status, voucher, postedaccountingdate, accountingamount, wipaccrued, createdon, createdby, "
                + "modifiedon, modifiedby) SELECT ?, projectdataareaid, 'TEST-JOURNAL', actualid, actualsimportid, "
                + "transtype, transactionclassification, projectid, quantity, amount, transactioncurrencyid, documentdate, "
                + "documentdate, ?, 'POSTED', ?, documentdate, ?, ?, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test' "
                + "FROM projcdsactualsimport WHERE actualid = ?", UUID.randomUUID(), r, voucher,
                Money.round(amount.multiply(r), "USD"), accrued, unbilledActual);
        return voucher;
    }

    /** Unbilled, journalized at {@code rate}, billed on {@code proposalId} and connected: one ready T&M row. */
    UUID readyBilled(String proposalId, String currency, String quantity, String price, int classification, String rate) {
        UUID unbilled = stageUnbilled(currency, quantity, price, classification);
        journalize(unbilled, rate);
        UUID billed = stageBilled(proposalId, currency, quantity, price, classification);
        connect(billed, unbilled);
        return billed;
    }

    Map<String, Object> staging(UUID actualId) {
        return jdbc.queryForMap("SELECT * FROM projcdsactualsimport WHERE actualid = ?", actualId);
    }

    List<StagingRow> stagingRows(String invoiceId) {
        return jdbc.query("SELECT * FROM projcdsactualsimport WHERE invoiceid = ? ORDER BY actualid", StagingRow::map,
                invoiceId);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    BigDecimal balance(String account) {
        return finance.ledger().trialBalance(LE).getOrDefault(account, BigDecimal.ZERO);
    }

    void useWipProfile() {
        finance.setup().createProfileRule(LE, ProfileRuleLevel.CONTRACT, CONTRACT, "TM-WIP");
    }

    private static String currency(Map<String, Object> row) {
        return ((String) row.get("transactioncurrencyid")).trim();
    }
}
