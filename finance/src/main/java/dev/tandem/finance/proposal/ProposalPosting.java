package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.proposal.ProposalStaging.UnbilledRow;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.PostingSetup;
import dev.tandem.finance.setup.PostingSetup.LegalEntity;
import dev.tandem.finance.setup.PostingSetup.Profile;
import dev.tandem.finance.staging.StagingRow;
import dev.tandem.finance.staging.StagingWrites.Posted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Posts an invoice proposal as a customer invoice (§5 steps 14–15, §9, §10 items 3 and 5), all in one transaction:
 * the customer invoice number from the CUSTOMER_INVOICE sequence; the GL voucher of {@link InvoiceVoucher}, written
 * page by page through {@link Ledger.OpenVoucher} (balanced per currency and in the accounting currency, checked as
 * {@link Ledger#post} checks); the customer transaction; the
 * write-back to the billed staging rows (voucher, accounting amount, exchange rate, line sales tax); the customer
 * invoice export; and the proposal Invoiced with its invoice number, voucher and totals. Sales tax is recalculated
 * first, so the invoice carries the tax of its invoice date. A net-negative proposal posts as a credit note.
 *
 * <p>Exchange rate: the contract's fixed rate for the proposal currency, else the market rate of the legal entity's
 * rate type on the invoice date ({@link ExchangeRates#rateForContract}).
 *
 * <p>Refusals, each leaving nothing posted (no number, voucher, customer transaction or write-back; what a refusal
 * found half-way through the lines had written rolls back with the transaction): NOT_FOUND;
 * POSTED_READ_ONLY when already posted; STATE when not Approved under the workflow (§11 item 22), not Open without
 * it, without lines (§13: nothing is posted before the lines are imported) or with nothing to post; PERIOD_CLOSED
 * unless the legal entity moves the date to the next open period (§11 item 20); POSTING_SETUP_MISSING (profile rule,
 * account, number sequence); EXCHANGE_RATE_NOT_FOUND; UNBILLED_NOT_POSTED when WIP can't be reversed at its rate.
 */
public final class ProposalPosting {

    /** {@code ledgervoucher.sourcetype} of invoice vouchers; the source id is the proposal id. */
    public static final String SOURCE_TYPE = "ProjInvoiceProposal";

    /**
     * A posted customer invoice. Amounts in the proposal currency except {@code receivableMst} (accounting currency:
     * the customer transaction's amount).
     */
    public record PostedInvoice(String proposalId, String customerInvoiceId, String voucher, LocalDate accountingDate,
                                String currency, BigDecimal invoiceAmount, BigDecimal sumTax, BigDecimal exchangeRate,
                                BigDecimal receivableMst, boolean creditNote) {
    }

    private final FinanceContext ctx;
    private final PostingSetup setup;
    private final NumberSequences numbers;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final ProposalHeaders headers;
    private final ProposalLines lines;
    private final ProposalStaging staging;
    private final TransactionRelationships relationships;
    private final ProposalTaxes taxes;
    private final ImportIssues issues;
    private final CustomerInvoices customerInvoices;

    ProposalPosting(FinanceContext ctx, PostingSetup setup, NumberSequences numbers, ExchangeRates rates, Ledger ledger,
                    ProposalHeaders headers, ProposalLines lines, ProposalStaging staging,
                    TransactionRelationships relationships, ProposalTaxes taxes, ImportIssues issues) {
        this.ctx = ctx;
        this.setup = setup;
        this.numbers = numbers;
        this.rates = rates;
        this.ledger = ledger;
        this.headers = headers;
        this.lines = lines;
        this.staging = staging;
        this.relationships = relationships;
        this.taxes = taxes;
        this.issues = issues;
        this.customerInvoices = new CustomerInvoices(ctx);
    }

    /**
     * The legal entity's invoice proposals that "Post invoice proposals" (§5 step 14, §8) may post now, by proposal
     * id: in the status posting needs (Approved when the legal entity processes proposals in workflow, §4.8, §11 item
     * 22; Open otherwise), with at least one line (a proposal waiting for its integration journal shows 0.00 and has
     * none, §13), without an import issue (the last import of its billed sales was refused, e.g. "Project transaction
     * hasn't been posted yet", §5 step 12) and without billed sales rows still pending in staging for it (all its lines
     * are imported: posting now would leave them out of the invoice). Posting may still refuse one (a closed period,
     * a missing exchange rate); {@link #post} says why.
     *
     * @throws TandemException NOT_FOUND for an unknown legal entity
     */
    public List<String> readyToPost(String dataAreaId) {
        LegalEntity entity = setup.legalEntity(dataAreaId);
        ProposalStatus needed = entity.proposalWorkflow() ? ProposalStatus.APPROVED : ProposalStatus.OPEN;
        return ctx.jdbc().queryForList("SELECT h.proposalid FROM projproposaljour h WHERE h.dataareaid = ? AND "
                + "h.status = ? AND EXISTS (SELECT 1 FROM projproposalline l WHERE l.proposalid = h.proposalid) AND "
                + "NOT EXISTS (SELECT 1 FROM projproposalimportissue i WHERE i.proposalid = h.proposalid) AND "
                + "NOT EXISTS (SELECT 1 FROM projcdsactualsimport s WHERE s.invoiceid = h.proposalid AND s.transtype = ? "
                + "AND s.isprocessed = FALSE AND s.isduplicate = FALSE) ORDER BY h.proposalid", String.class, dataAreaId,
                needed.value(), StagingRow.BILLED_SALES);
    }

    /** Lines read, taxed, posted and written back at a time. */
    static final int PAGE = 1_000;

    private int pageSize = PAGE;

    /**
     * Sets how many lines posting reads at a time ({@value #PAGE} by default): tests make proposals of a few lines
     * span several pages.
     *
     * @throws IllegalArgumentException when {@code size} is not positive
     */
    void pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive: " + size);
        }
        this.pageSize = size;
    }

    /**
     * Posts the proposal in its own transaction. Its lines are read {@value #PAGE} at a time, twice: once to tax them
     * on the invoice date (in import order), once to post them (the voucher's lines are written as they come,
     * {@link Ledger.OpenVoucher}) and write the posting back to their staging rows (in actual-id order, the order in
     * which the writer locks those rows, so that pages lock them in one global order); so the heap holds a page and
     * the voucher's sums, not the proposal (issue 13: a contract's proposal of tens of thousands of lines ran a 1 GB
     * heap out).
     *
     * @throws TandemException as listed on the class
     */
    public PostedInvoice post(String dataAreaId, String proposalId) {
        return ctx.inTransaction(() -> {
            ProposalHeader h = headers.lock(dataAreaId, proposalId);
            ProposalRules.requireNotPosted(h, "posting it again");
            LegalEntity entity = setup.legalEntity(dataAreaId);
            requirePostable(h, entity);
            LocalDate date = setup.accountingDate(dataAreaId, h.invoiceDate());
            BigDecimal rate = rates.rateForContract(dataAreaId, h.contractId(), entity.exchangeRateType(), h.currency(),
                    entity.accountingCurrency(), h.invoiceDate());
            ProposalTotals totals = taxOnInvoiceDate(h);
            String invoiceId = numbers.next(dataAreaId, NumberSequences.CUSTOMER_INVOICE);
            boolean credit = totals.invoiceAmount().signum() < 0;
            Ledger.OpenVoucher voucher = ledger.batch(dataAreaId).open(dataAreaId, date, (credit ? "Credit note "
                    : "Customer invoice ") + invoiceId + " of invoice proposal " + proposalId, SOURCE_TYPE, proposalId);
            InvoiceVoucher gl = new InvoiceVoucher(h, rate);
            Function<String, Profile> profiles = profiles(dataAreaId);
            int[] written = {0};
            // In actual-id order: the write-back locks the staging rows page by page in the writer's one order.
            lines.forEachPage(proposalId, ProposalLines.Order.ACTUAL, pageSize, page -> {
                written[0] += voucher.add(gl.add(page, profiles, unbilledOf(page))).size();
                staging.writePosted(writeBack(page, voucher.voucher(), voucher.accountingDate(), rate,
                        entity.accountingCurrency()));
            });
            List<Ledger.Line> summed = gl.summed();
            if (written[0] + summed.size() < 2) {
                // Thrown before the voucher is completed: the transaction rolls back what was written.
                throw new TandemException(STATE, "Invoice proposal " + proposalId + " has nothing to post: its "
                        + "invoiced lines total " + totals.invoiceAmount().toPlainString() + " " + h.currency(),
                        ProposalRules.props(h));
            }
            BigDecimal receivableMst = voucher.add(summed).stream().filter(l -> l.customerAccount() != null)
                    .map(Ledger.PostedLine::accountingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            voucher.complete();
            customerInvoices.record(h, invoiceId, voucher.voucher(), voucher.accountingDate(), totals, rate,
                    receivableMst);
            Map<String, Object> values = totals.headerValues();
            values.put("status", ProposalStatus.INVOICED.value());
            values.put("projinvoiceid", invoiceId);
            values.put("ledgervoucher", voucher.voucher());
            values.put("iscreditnote", credit);
            headers.update(proposalId, values);
            return new PostedInvoice(proposalId, invoiceId, voucher.voucher(), voucher.accountingDate(), h.currency(),
                    totals.invoiceAmount(), totals.tax(), rate, receivableMst, credit);
        });
    }

    private void requirePostable(ProposalHeader h, LegalEntity entity) {
        ProposalStatus needed = entity.proposalWorkflow() ? ProposalStatus.APPROVED : ProposalStatus.OPEN;
        if (h.status() != needed) {
            throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " is " + ProposalRules.label(h.status())
                    + "; " + (entity.proposalWorkflow() ? "legal entity " + entity.dataAreaId() + " processes invoice "
                    + "proposals in workflow, so only an approved proposal is posted (§11 item 22)"
                    : "only an open proposal is posted"), ProposalRules.props(h));
        }
        if (!lines.any(h.proposalId())) {
            String why = issues.issue(h.proposalId()).map(i -> " The last import said: " + i.message()).orElse("");
            throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " has no lines yet (0.00); it is "
                    + "posted after its lines are imported (§5 step 12, §13)." + why, ProposalRules.props(h));
        }
    }

    /**
     * Recalculates the lines' tax on the invoice date and stores what changed; returns the proposal's totals with
     * that tax. The tax is calculated on the invoice's totals (F&amp;O sales tax "Calculation method: Total"): per
     * pair of sales tax group and item sales tax group, the tax of the lines' summed amount, each code rounded once;
     * the lines carry that tax between them, each line its own tax first and the rounding difference then cent by
     * cent to the lines of the largest amounts. So the tax of each VAT category and rate of the invoice is its
     * taxable amount × rate rounded once, as EN 16931 BR-CO-17 computes it (docs/e-invoicing.md), however many lines
     * round the same way, and the lines still sum to it. Reads the lines a page at a time and holds per pair of tax
     * groups only its sums.
     */
    private ProposalTotals taxOnInvoiceDate(ProposalHeader h) {
        ProposalTaxes batchTaxes = taxes.forBatch();
        Map<List<String>, TaxGroupSums> groups = new LinkedHashMap<>();
        ProposalTotals[] totals = {ProposalTotals.ZERO};
        lines.forEachPage(h.proposalId(), ProposalLines.Order.IMPORT, pageSize, page -> {
            List<ProposalLine> current = new ArrayList<>(page.size());
            List<ProposalLine> changed = new ArrayList<>();
            for (ProposalLine l : page) {
                BigDecimal tax = batchTaxes.taxOf(l, l.taxGroup(), l.itemTaxGroup(), h.invoiceDate());
                ProposalLine now = l.withTax(l.taxGroup(), l.itemTaxGroup(), tax);
                current.add(now);
                if (tax.compareTo(l.taxAmount()) != 0) {
                    changed.add(now);
                }
                if (l.toBeInvoiced()) {
                    groups.computeIfAbsent(java.util.Arrays.asList(l.taxGroup(), l.itemTaxGroup()),
                            k -> new TaxGroupSums()).add(l.lineAmount(), tax);
                }
            }
            lines.updateTax(changed);
            totals[0] = totals[0].plus(ProposalTotals.of(current));
        });
        BigDecimal spread = BigDecimal.ZERO;
        for (Map.Entry<List<String>, TaxGroupSums> pair : groups.entrySet()) {
            TaxGroupSums sums = pair.getValue();
            BigDecimal total = batchTaxes.taxOfAmount(h.dataAreaId(), pair.getKey().get(0), pair.getKey().get(1),
                    Money.round(sums.amount, h.currency()), h.currency(), h.invoiceDate());
            BigDecimal difference = total.subtract(sums.tax);
            spread(h, pair.getKey(), difference, sums.lines);
            spread = spread.add(difference);
        }
        return totals[0].withMoreTax(spread);
    }

    /** The invoiced lines of one pair of tax groups: how many, their summed amount and their own taxes' sum. */
    private static final class TaxGroupSums {
        private BigDecimal amount = BigDecimal.ZERO;
        private BigDecimal tax = BigDecimal.ZERO;
        private int lines;

        void add(BigDecimal lineAmount, BigDecimal lineTax) {
            amount = amount.add(lineAmount);
            tax = tax.add(lineTax);
            lines++;
        }
    }

    /**
     * Adds {@code difference} (a whole number of the currency's minor units) to the tax of the invoiced lines of a
     * pair of tax groups ({@code lineCount} of them) one minor unit at a time, the lines of the largest absolute
     * amounts first (ties in import order), round-robin if it is more units than lines; stores the lines it changes.
     */
    private void spread(ProposalHeader h, List<String> taxGroups, BigDecimal difference, int lineCount) {
        if (difference.signum() == 0) {
            return;
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Money.minorUnits(h.currency()));
        long units = difference.abs().divide(unit).longValueExact();
        BigDecimal step = difference.signum() > 0 ? unit : unit.negate();
        long each = units / lineCount;
        long extra = units % lineCount;
        List<ProposalLine> largest = lines.largestInvoiced(h.proposalId(), taxGroups.get(0), taxGroups.get(1),
                (int) Math.min(units, lineCount));
        List<ProposalLine> changed = new ArrayList<>(largest.size());
        for (int k = 0; k < largest.size(); k++) {
            ProposalLine l = largest.get(k);
            BigDecimal add = step.multiply(BigDecimal.valueOf(each + (k < extra ? 1 : 0)));
            changed.add(l.withTax(l.taxGroup(), l.itemTaxGroup(), l.taxAmount().add(add)));
        }
        lines.updateTax(changed);
    }

    private Function<String, Profile> profiles(String dataAreaId) {
        Map<String, Profile> cache = new HashMap<>();
        return project -> cache.computeIfAbsent(project, p -> setup.profile(dataAreaId, p));
    }

    private Function<UUID, List<UnbilledRow>> unbilledOf(List<ProposalLine> current) {
        Map<UUID, List<UUID>> related = relationships.unbilledOf(current.stream()
                .filter(l -> l.toBeInvoiced() && l.type().needsPostedUnbilledSales()).map(ProposalLine::actualId).toList());
        Map<UUID, UnbilledRow> rows = staging.unbilledRows(related.values().stream().flatMap(List::stream).toList());
        return billed -> related.getOrDefault(billed, List.of()).stream().map(u -> rows.getOrDefault(u,
                new UnbilledRow(u, null, BigDecimal.ZERO, null, null, false))).toList();
    }

    /**
     * §10 item 3 per billed row: the voucher and its accounting date, the exchange rate, the line's accounting amount
     * (rounded once to the accounting currency) and its sales tax. A line that is not invoiced gets the voucher and rate with zero
     * amounts, so that every synced actual ends up with a voucher (§10 item 4).
     */
    private static Map<UUID, Posted> writeBack(List<ProposalLine> current, String voucher,
                                                     LocalDate accountingDate, BigDecimal rate,
                                                     String accountingCurrency) {
        Map<UUID, Posted> values = new LinkedHashMap<>();
        for (ProposalLine l : current) {
            BigDecimal accounting = l.toBeInvoiced() ? Money.round(l.lineAmount().multiply(rate), accountingCurrency)
                    : BigDecimal.ZERO;
            values.put(l.actualId(), new Posted(voucher, accounting, rate, l.taxAmount(), accountingDate));
        }
        return values;
    }
}
