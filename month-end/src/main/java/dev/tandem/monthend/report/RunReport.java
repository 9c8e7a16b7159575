package dev.tandem.monthend.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The report of one {@code tandem run}, written as {@code report.json} (schema in docs/report-format.md). Counts and
 * totals describe both databases after the run (so a second run on the same input reports the same totals), and
 * {@link ThisRun} what this run added. Amounts are decimal strings in the named currency, rounded to its minor
 * units.
 */
public record RunReport(String schema, String inputFolder, LocalDate asOf, String legalEntity,
                        String accountingCurrency, ThisRun thisRun, List<ActualCount> actuals, Hours hours,
                        Invoices invoices,
                        Proposals proposals, List<CustomerInvoiceEntry> customerInvoices, Vouchers vouchers,
                        List<CurrencyTotal> totals, List<CustomerTotal> totalsByCustomer, Reconcile reconcile) {

    public static final String SCHEMA = "tandem-run-report/1";

    /** What this run created; rows loaded before are counted, not created again. */
    public record ThisRun(int customersCreated, WorkCount time, WorkCount expenses, int actualsMarkedReady,
                          int milestonesMarkedReady, int actualsHeldByNotToExceed, int invoicesCreated,
                          int invoicesConfirmed, int journalLinesImported, int importErrors, int journalsPosted,
                          int proposalsPosted, List<String> proposalIssues, int pdfsWritten, int eInvoicesWritten,
                          List<String> eInvoicesSkipped, int ledgerRows) {
    }

    /**
     * Rows of one kind of input: read, created now, loaded by an earlier run; {@code nonBillable}: those of the rows
     * read that the source marks non-billable (approved as Non Chargeable, now or by an earlier run).
     */
    public record WorkCount(int rows, int created, int loadedBefore, int nonBillable) {
    }

    /** Actuals of one transaction type and class in one currency; {@code amount} their sum. */
    public record ActualCount(String transactionType, String transactionClass, String currency, long count,
                              BigDecimal amount) {
    }

    /**
     * Approved time in hours, from the Cost actuals of class Time by billing type (§4.4): {@code chargeable},
     * {@code nonChargeable}, {@code complimentary}, {@code notAvailable} (work no Time and Material contract line
     * bills); they add up to {@code total}, exactly (not rounded).
     */
    public record Hours(BigDecimal total, BigDecimal chargeable, BigDecimal nonChargeable, BigDecimal complimentary,
                        BigDecimal notAvailable) {
    }

    /** Proforma invoices in Project Operations by status (§4.1); the statuses add up to {@code total}. */
    public record Invoices(long total, long draft, long inReview, long confirmed, long posted, long paid) {
    }

    /** Invoice proposals in Finance by status (§4.8); the statuses add up to {@code total}. */
    public record Proposals(long total, long open, long submitted, long approved, long rejected, long canceled,
                            long invoiced) {
    }

    /**
     * A posted customer invoice (or credit note, negative): its number, proposal (= the proforma invoice number),
     * customer, currency, date, amount before tax, tax and total, and the PDF written for it.
     */
    public record CustomerInvoiceEntry(String invoice, String proposal, String customer, String currency,
                                       LocalDate date, BigDecimal amount, BigDecimal tax, BigDecimal total,
                                       String pdf) {
    }

    /** Posted vouchers; {@code unbalanced}: vouchers whose lines do not sum to zero per currency or in accounting currency. */
    public record Vouchers(long count, long unbalanced) {
    }

    /**
     * Per currency: {@code invoiced} the sum of posted customer invoice totals, {@code customerTransactions} the sum
     * of AR customer transactions, {@code pdf} the sum of the totals read back from the PDFs.
     */
    public record CurrencyTotal(String currency, long invoices, BigDecimal invoiced, BigDecimal customerTransactions,
                                BigDecimal pdf) {
    }

    public record CustomerTotal(String customer, String name, String currency, long invoices, BigDecimal invoiced) {
    }

    /** The verdict of {@code tandem reconcile} after the run, one entry per invariant of DESIGN §4. */
    public record Reconcile(boolean ok, List<Invariant> invariants) {
    }

    public record Invariant(int number, String name, long checked, long violations, List<String> samples) {
    }
}
