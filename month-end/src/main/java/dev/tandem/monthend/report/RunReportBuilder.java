package dev.tandem.monthend.report;

import dev.tandem.common.Money;
import dev.tandem.finance.Finance;
import dev.tandem.finance.ledger.GeneralLedger;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.actuals.BillingType;
import dev.tandem.operations.invoicing.InvoiceStatus;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.output.InvoicePdfText;
import dev.tandem.monthend.report.RunReport.ActualCount;
import dev.tandem.monthend.report.RunReport.CurrencyTotal;
import dev.tandem.monthend.report.RunReport.CustomerInvoiceEntry;
import dev.tandem.monthend.report.RunReport.CustomerTotal;
import dev.tandem.monthend.report.RunReport.Hours;
import dev.tandem.monthend.report.RunReport.Invoices;
import dev.tandem.monthend.report.RunReport.Proposals;
import dev.tandem.monthend.report.RunReport.Reconcile;
import dev.tandem.monthend.report.RunReport.ThisRun;
import dev.tandem.monthend.report.RunReport.Vouchers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link RunReport} from both apps' published reads after a run: actuals by type (Project Operations), proforma
 * invoices by status, proposals by status, posted customer invoices, vouchers (Finance), and the per-currency totals
 * that must agree: posted invoice totals, AR customer transactions and the totals read back from the PDFs.
 */
public final class RunReportBuilder {

    private static final int HOURS_MIN_SCALE = 2;

    private final ProjectOperations ops;
    private final Finance finance;

    public RunReportBuilder(ProjectOperations ops, Finance finance) {
        this.ops = ops;
        this.finance = finance;
    }

    /**
     * @param pdfs the PDFs written, one per posted customer invoice, named {@code <invoice number>.pdf}
     */
    public RunReport build(RunInput input, LocalDate asOf, ThisRun thisRun, List<Path> pdfs,
                           Reconcile reconcile) {
        String le = input.company().legalEntity();
        // The headers only (a month's invoices may hold a million lines); InvoicePdfs writes one file per posted
        // invoice in invoice-number order: the same list, read moments before.
        List<CustomerInvoice> posted = finance.proposals().customerInvoices().postedHeaders(le);
        Map<String, Path> pdfByInvoice = new TreeMap<>();
        for (int i = 0; i < Math.min(pdfs.size(), posted.size()); i++) {
            pdfByInvoice.put(posted.get(i).invoiceId(), pdfs.get(i));
        }
        List<CustomerInvoiceEntry> entries = new ArrayList<>();
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        Map<String, CustomerTotal> byCustomer = new TreeMap<>();
        Map<String, Long> countByCurrency = new TreeMap<>();
        for (CustomerInvoice inv : posted) {
            Path pdf = pdfByInvoice.get(inv.invoiceId());
            entries.add(new CustomerInvoiceEntry(inv.invoiceId(), inv.proposalId(), inv.customerAccount(),
                    inv.currency(), inv.invoiceDate(), inv.amountExcludingTax(), inv.taxAmount(), inv.invoiceTotal(),
                    pdf == null ? null : pdf.getFileName().toString()));
            BigDecimal[] sums = byCurrency.computeIfAbsent(inv.currency(), c -> zeros());
            sums[0] = sums[0].add(inv.invoiceTotal());
            if (pdf != null) {
                sums[2] = sums[2].add(InvoicePdfText.total(pdf).amount());
            }
            countByCurrency.merge(inv.currency(), 1L, Long::sum);
            String key = inv.customerAccount() + "|" + inv.currency();
            CustomerTotal t = byCustomer.get(key);
            byCustomer.put(key, new CustomerTotal(inv.customerAccount(), inv.customerName(), inv.currency(),
                    t == null ? 1 : t.invoices() + 1, t == null ? inv.invoiceTotal() : t.invoiced().add(inv.invoiceTotal())));
        }
        finance.proposals().customerInvoices().customerTransactionTotals(le).forEach((currency, amount) ->
                byCurrency.computeIfAbsent(currency, c -> zeros())[1] = amount);
        List<CurrencyTotal> totals = new ArrayList<>();
        byCurrency.forEach((currency, s) -> totals.add(new CurrencyTotal(currency, countByCurrency.getOrDefault(currency,
                0L), money(s[0], currency), money(s[1], currency), money(s[2], currency))));
        return new RunReport(RunReport.SCHEMA, input.folder().toString(), asOf, le,
                input.company().accountingCurrency(), thisRun, actuals(), hours(), invoices(), proposals(le), entries,
                vouchers(le), totals, List.copyOf(byCustomer.values()), reconcile);
    }

    private List<ActualCount> actuals() {
        return ops.actualFigures().totals().stream().map(t -> new ActualCount(t.transactionType().label(),
                t.classification().label(), t.amount().currency(), t.count(),
                money(t.amount().amount(), t.amount().currency()))).toList();
    }

    /** Every status counted, so that the counts add up to the total (an unknown value fails loudly). */
    private Invoices invoices() {
        return invoices(ops.invoiceQueries().countByStatus());
    }

    /** The counts of proforma invoices by status; {@code total} is their sum. */
    static Invoices invoices(Map<InvoiceStatus, Long> byStatus) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Invoices(total, byStatus.getOrDefault(InvoiceStatus.DRAFT, 0L),
                byStatus.getOrDefault(InvoiceStatus.IN_REVIEW, 0L), byStatus.getOrDefault(InvoiceStatus.CONFIRMED, 0L),
                byStatus.getOrDefault(InvoiceStatus.POSTED, 0L), byStatus.getOrDefault(InvoiceStatus.INVOICE_PAID, 0L));
    }

    private Proposals proposals(String le) {
        return proposals(finance.proposalQueries().countByStatus(le));
    }

    /** The counts of invoice proposals by status; {@code total} is their sum. */
    static Proposals proposals(Map<ProposalStatus, Long> byStatus) {
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Proposals(total, byStatus.getOrDefault(ProposalStatus.OPEN, 0L),
                byStatus.getOrDefault(ProposalStatus.SUBMITTED, 0L), byStatus.getOrDefault(ProposalStatus.APPROVED, 0L),
                byStatus.getOrDefault(ProposalStatus.REJECTED, 0L), byStatus.getOrDefault(ProposalStatus.CANCELED, 0L),
                byStatus.getOrDefault(ProposalStatus.INVOICED, 0L));
    }

    /** Approved hours: the quantities of the Cost actuals of class Time, by billing type. */
    private Hours hours() {
        Map<BillingType, BigDecimal> byType = ops.actualFigures().approvedHours();
        BigDecimal total = byType.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Hours(hours(total), hours(byType.get(BillingType.CHARGEABLE)),
                hours(byType.get(BillingType.NON_CHARGEABLE)), hours(byType.get(BillingType.COMPLIMENTARY)),
                hours(byType.get(BillingType.NOT_AVAILABLE)));
    }

    /**
     * Hours exactly as summed (entries keep up to 6 decimals, e.g. 0.333333 for 20 minutes), so that the parts add
     * up to the total; at least 2 decimals.
     */
    private static BigDecimal hours(BigDecimal quantity) {
        BigDecimal exact = (quantity == null ? BigDecimal.ZERO : quantity).stripTrailingZeros();
        return exact.scale() < HOURS_MIN_SCALE ? exact.setScale(HOURS_MIN_SCALE) : exact;
    }

    private Vouchers vouchers(String le) {
        GeneralLedger.VoucherCount count = finance.generalLedger().vouchers(le);
        return new Vouchers(count.count(), count.unbalanced());
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** Rounded to the currency's minor units through {@link Money}, the one place that rounds. */
    private static BigDecimal money(BigDecimal amount, String currency) {
        return Money.round(amount == null ? BigDecimal.ZERO : amount, currency);
    }
}
