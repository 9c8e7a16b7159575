package dev.tandem.finance.proposal;

import static dev.tandem.finance.FinanceError.STATE;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.ledger.Ledger.Voucher;
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
 * the customer invoice number from the CUSTOMER_INVOICE sequence; the GL voucher of {@link InvoiceVoucher} through
 * {@link Ledger#post} (balanced per currency and in the accounting currency); the customer transaction; the
 * write-back to the billed staging rows (voucher, accounting amount, exchange rate, line sales tax); the customer
 * invoice export; and the proposal Invoiced with its invoice number, voucher and totals. Sales tax is recalculated
 * first, so the invoice carries the tax of its invoice date. A net-negative proposal posts as a credit note.
 *
 * <p>Exchange rate: the contract's fixed rate for the proposal currency, else the market rate of the legal entity's
 * rate type on the invoice date ({@link ExchangeRates#rateForContract}).
 *
 * <p>Refusals, each leaving nothing posted (no number, voucher, customer transaction or write-back): NOT_FOUND;
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

    /** @throws TandemException as listed on the class */
    public PostedInvoice post(String dataAreaId, String proposalId) {
        return ctx.inTransaction(() -> {
            ProposalHeader h = headers.lock(dataAreaId, proposalId);
            ProposalRules.requireNotPosted(h, "posting it again");
            LegalEntity entity = setup.legalEntity(dataAreaId);
            requirePostable(h, entity);
            List<ProposalLine> current = withCurrentTax(h, lines.lines(proposalId));
            ProposalTotals totals = ProposalTotals.of(current);
            LocalDate date = setup.accountingDate(dataAreaId, h.invoiceDate());
            BigDecimal rate = rates.rateForContract(dataAreaId, h.contractId(), entity.exchangeRateType(), h.currency(),
                    entity.accountingCurrency(), h.invoiceDate());
            List<Ledger.Line> gl = InvoiceVoucher.lines(h, current, rate, profiles(dataAreaId), unbilledOf(current));
            if (gl.size() < 2) {
                throw new TandemException(STATE, "Invoice proposal " + proposalId + " has nothing to post: its "
                        + "invoiced lines total " + totals.invoiceAmount().toPlainString() + " " + h.currency(),
                        ProposalRules.props(h));
            }
            String invoiceId = numbers.next(dataAreaId, NumberSequences.CUSTOMER_INVOICE);
            boolean credit = totals.invoiceAmount().signum() < 0;
            Voucher voucher = ledger.post(new Ledger.Draft(dataAreaId, date, (credit ? "Credit note " : "Customer invoice ")
                    + invoiceId + " of invoice proposal " + proposalId, SOURCE_TYPE, proposalId, gl));
            BigDecimal receivableMst = voucher.lines().stream().filter(l -> l.customerAccount() != null)
                    .map(Ledger.PostedLine::accountingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            customerInvoices.record(h, invoiceId, voucher, totals, rate, receivableMst);
            staging.writePosted(writeBack(current, voucher.voucher(), voucher.accountingDate(), rate,
                    entity.accountingCurrency()));
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
        if (lines.lines(h.proposalId()).isEmpty()) {
            String why = issues.issue(h.proposalId()).map(i -> " The last import said: " + i.message()).orElse("");
            throw new TandemException(STATE, "Invoice proposal " + h.proposalId() + " has no lines yet (0.00); it is "
                    + "posted after its lines are imported (§5 step 12, §13)." + why, ProposalRules.props(h));
        }
    }

    /**
     * Recalculates the lines' tax on the invoice date and stores what changed. The tax is calculated on the invoice's
     * totals (F&amp;O sales tax "Calculation method: Total"): per pair of sales tax group and item sales tax group,
     * the tax of the lines' summed amount, each code rounded once; the lines carry that tax between them, each line
     * its own tax first and the rounding difference then cent by cent to the lines of the largest amounts. So the
     * tax of each VAT category and rate of the invoice is its taxable amount × rate rounded once, as EN 16931 BR-CO-17
     * computes it (docs/e-invoicing.md), however many lines round the same way, and the lines still sum to it.
     */
    private List<ProposalLine> withCurrentTax(ProposalHeader h, List<ProposalLine> stored) {
        ProposalTaxes batchTaxes = taxes.forBatch();
        BigDecimal[] tax = new BigDecimal[stored.size()];
        Map<List<String>, List<Integer>> byGroups = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            ProposalLine l = stored.get(i);
            tax[i] = batchTaxes.taxOf(l, l.taxGroup(), l.itemTaxGroup(), h.invoiceDate());
            if (l.toBeInvoiced()) {
                byGroups.computeIfAbsent(java.util.Arrays.asList(l.taxGroup(), l.itemTaxGroup()), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Map.Entry<List<String>, List<Integer>> pair : byGroups.entrySet()) {
            List<Integer> members = pair.getValue();
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal linesTax = BigDecimal.ZERO;
            for (int i : members) {
                amount = amount.add(stored.get(i).lineAmount());
                linesTax = linesTax.add(tax[i]);
            }
            BigDecimal total = batchTaxes.taxOfAmount(h.dataAreaId(), pair.getKey().get(0), pair.getKey().get(1),
                    Money.round(amount, h.currency()), h.currency(), h.invoiceDate());
            spread(total.subtract(linesTax), members, stored, tax, h.currency());
        }
        List<ProposalLine> current = new ArrayList<>();
        List<ProposalLine> changed = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            ProposalLine l = stored.get(i);
            ProposalLine now = l.withTax(l.taxGroup(), l.itemTaxGroup(), tax[i]);
            current.add(now);
            if (tax[i].compareTo(l.taxAmount()) != 0) {
                changed.add(now);
            }
        }
        lines.updateTax(changed);
        return current;
    }

    /**
     * Adds {@code difference} (a whole number of the currency's minor units) to the members' tax one minor unit at a
     * time, the lines of the largest absolute amounts first (ties in line order), round-robin if it is more units
     * than lines.
     */
    private static void spread(BigDecimal difference, List<Integer> members, List<ProposalLine> stored,
                               BigDecimal[] tax, String currency) {
        if (difference.signum() == 0) {
            return;
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Money.minorUnits(currency));
        List<Integer> order = new ArrayList<>(members);
        order.sort((a, b) -> stored.get(b).lineAmount().abs().compareTo(stored.get(a).lineAmount().abs()));
        long units = difference.abs().divide(unit).longValueExact();
        BigDecimal step = difference.signum() > 0 ? unit : unit.negate();
        for (long k = 0; k < units; k++) {
            int i = order.get((int) (k % order.size()));
            tax[i] = tax[i].add(step);
        }
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
