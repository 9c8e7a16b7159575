package dev.tandem.server.finance;

import dev.tandem.finance.ledger.Ledger;
import dev.tandem.finance.onaccount.OnAccountTransactions.OnAccountTransaction;
import dev.tandem.finance.proposal.CustomerInvoiceExport;
import dev.tandem.finance.proposal.ImportIssues.ImportIssue;
import dev.tandem.finance.proposal.ProposalHeader;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalLineType;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.proposal.ProposalStatus;
import dev.tandem.finance.rates.EcbRatesImport;
import dev.tandem.finance.rates.ExchangeRates;
import dev.tandem.finance.tax.SalesTax.CodeAmount;
import dev.tandem.finance.tax.SalesTax.TaxResult;
import dev.tandem.server.api.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the Finance API answers: the domain's rows with every amount, rate and quantity as a JSON string in plain
 * notation ({@link Decimals}), so no client reads money through binary floating point. Amounts are in the currency
 * the row names; {@code …Mst} amounts in the legal entity's accounting currency.
 */
final class FinanceViews {

    private FinanceViews() {
    }

    /** {@link Decimals#plain}; {@code null} stays {@code null}. */
    static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }

    /**
     * An exchange rate as {@code GET /exchange-rates} writes it: plain, at the 10 decimals rates are kept at
     * ({@link ExchangeRates#RATE_SCALE}), so 1 is {@code "1.0000000000"} wherever a rate appears. Never rounds: a
     * rate with more decimals (none is stored so) is written with all of them.
     */
    static String rate(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return (value.scale() >= ExchangeRates.RATE_SCALE ? value : value.setScale(ExchangeRates.RATE_SCALE))
                .toPlainString();
    }

    /**
     * An invoice proposal status (F&amp;O ProjLinePropertyCode, §4.8), written like the Project Operations API writes
     * option values: {@code {"name":"INVOICED","value":3,"label":"Invoiced"}}. {@code value} is what
     * {@code projproposaljour.status} stores and the map syncs.
     */
    record StatusView(String name, int value, String label) {

        static StatusView of(ProposalStatus status) {
            String lower = status.name().toLowerCase();
            return new StatusView(status.name(), status.value(), Character.toUpperCase(lower.charAt(0))
                    + lower.substring(1));
        }
    }

    /** A proposal as listed: the header and its totals (proposal currency), without lines. */
    record ProposalSummaryView(String proposalId, String dataAreaId, String contractId, String invoiceAccount,
                               String currency, LocalDate invoiceDate, LocalDate dueDate, StatusView status,
                               String workflowStatus, String invoiceAmount, String sumTax, boolean creditNote,
                               String customerInvoiceId, String ledgerVoucher) {

        static ProposalSummaryView of(ProposalHeader h) {
            return new ProposalSummaryView(h.proposalId(), h.dataAreaId(), h.contractId(), h.invoiceAccount(),
                    h.currency(), h.invoiceDate(), h.dueDate(), StatusView.of(h.status()), h.workflowStatus().name(),
                    plain(h.invoiceAmount()), plain(h.sumTax()), h.creditNote(), h.customerInvoiceId(),
                    h.ledgerVoucher());
        }
    }

    /**
     * The header totals, in the proposal currency: {@code lines} (invoiced lines before tax), {@code salesTax},
     * {@code onAccount} (on-account lines before tax) and {@code invoiceAmount} = lines + sales tax. All 0.00 until
     * lines are imported (§13). Lines not to be invoiced count for nothing.
     */
    record TotalsView(String lines, String salesTax, String onAccount, String invoiceAmount) {
    }

    /** Why the proposal's last import made no lines (§5 step 12, the workspace's Troubleshoot); a Finance error code. */
    record ImportIssueView(String code, String message, OffsetDateTime loggedOn) {

        static ImportIssueView of(Optional<ImportIssue> issue) {
            return issue.map(i -> new ImportIssueView(i.errorCode(), i.message(), i.loggedOn())).orElse(null);
        }
    }

    /**
     * A proposal line (§3.9). {@code lineId} is the InvoiceProposalLineTransId written back to the staging row; only
     * {@code taxGroup} and {@code itemTaxGroup} can change (§11 item 21).
     */
    record LineView(String lineId, ProposalLineType type, UUID actualId, String projectId, UUID contractLine,
                    UUID onAccountTransactionId, String lineProperty, boolean toBeInvoiced, LocalDate transDate,
                    String categoryId, String description, String quantity, String salesPrice, String lineAmount,
                    String currency, String taxGroup, String itemTaxGroup, String taxAmount) {

        static LineView of(ProposalLine l) {
            return new LineView(l.lineTransId(), l.type(), l.actualId(), l.projectId(), l.contractLine(),
                    l.onAccountTransactionId(), l.linePropertyId(), l.toBeInvoiced(), l.transDate(), l.categoryId(),
                    l.description(), plain(l.quantity()), plain(l.salesPrice()), plain(l.lineAmount()), l.currency(),
                    l.taxGroup(), l.itemTaxGroup(), plain(l.taxAmount()));
        }
    }

    /**
     * One invoice proposal with its lines, totals and last import issue ({@code null} when none). {@code expectedAmount}
     * is the proforma's detail amount when the map delivered it (§11 item 19); {@code customerInvoiceId} and
     * {@code ledgerVoucher} are set by posting.
     */
    record ProposalView(String proposalId, String dataAreaId, String contractId, String fundingSource,
                        String invoiceAccount, String currency, LocalDate invoiceDate, LocalDate dueDate,
                        String description, StatusView status, String workflowStatus, boolean creditNote,
                        String expectedAmount, String customerInvoiceId, String ledgerVoucher, TotalsView totals,
                        List<LineView> lines, ImportIssueView importIssue) {

        static ProposalView of(ProposalHeader h, List<ProposalLine> lines, Optional<ImportIssue> issue) {
            return new ProposalView(h.proposalId(), h.dataAreaId(), h.contractId(), h.fundingSource(),
                    h.invoiceAccount(), h.currency(), h.invoiceDate(), h.dueDate(), h.description(),
                    StatusView.of(h.status()), h.workflowStatus().name(), h.creditNote(), plain(h.expectedAmount()),
                    h.customerInvoiceId(), h.ledgerVoucher(), totals(h), lines.stream().map(LineView::of).toList(),
                    ImportIssueView.of(issue));
        }

        private static TotalsView totals(ProposalHeader h) {
            return new TotalsView(plain(h.invoiceAmount().subtract(h.sumTax())), plain(h.sumTax()),
                    plain(h.onAccountAmount()), plain(h.invoiceAmount()));
        }
    }

    /** The header after a workflow action or a delivery by sync, without lines. */
    static ProposalSummaryView summary(ProposalHeader h) {
        return new ProposalSummaryView(h.proposalId(), h.dataAreaId(), h.contractId(), h.invoiceAccount(), h.currency(),
                h.invoiceDate(), h.dueDate(), StatusView.of(h.status()), h.workflowStatus().name(),
                plain(h.invoiceAmount()), plain(h.sumTax()), h.creditNote(), h.customerInvoiceId(), h.ledgerVoucher());
    }

    /** What "Import lines" did: lines created, or the issue that stopped it ({@code null} when none). */
    record ImportView(String proposalId, int linesImported, ImportIssueView issue) {
    }

    /** What "Delete all lines" did. */
    record DeletedLinesView(String proposalId, int linesDeleted) {
    }

    /**
     * A posted customer invoice (§5 step 14, §9): its number and dates, the GL voucher, the amounts in the proposal
     * currency, the exchange rate used and {@code amountMst}, the accounts-receivable amount in the accounting
     * currency (the customer transaction's, = the voucher's customer-balance lines). {@code creditNote} for a
     * net-negative proposal.
     */
    record PostedInvoiceView(String customerInvoiceId, String proposalId, LocalDate invoiceDate, LocalDate dueDate,
                             LocalDate accountingDate, String voucher, String invoiceAccount, String currency,
                             String invoiceAmount, String sumTax, String exchangeRate, String amountMst,
                             boolean creditNote) {

        static PostedInvoiceView of(PostedInvoice p, ProposalHeader h) {
            return new PostedInvoiceView(p.customerInvoiceId(), p.proposalId(), h.invoiceDate(), h.dueDate(),
                    p.accountingDate(), p.voucher(), h.invoiceAccount(), p.currency(), plain(p.invoiceAmount()),
                    plain(p.sumTax()), rate(p.exchangeRate()), plain(p.receivableMst()), p.creditNote());
        }
    }

    /**
     * A row of the customer invoice export ({@code msdyn_customerinvoices}, §10 item 5): what Project Operations
     * learns about the posted invoice. {@code status} is always {@code Posted}.
     */
    record CustomerInvoiceView(String customerInvoiceId, String proposalId, LocalDate invoiceDate, LocalDate dueDate,
                               String invoiceAccount, String currency, String invoiceAmount, String sumTax,
                               String invoiceAmountMst, String status, boolean creditNote, String voucher) {

        static CustomerInvoiceView of(CustomerInvoiceExport e) {
            return new CustomerInvoiceView(e.customerInvoiceId(), e.proposalId(), e.invoiceDate(), e.dueDate(),
                    e.invoiceAccount(), e.currency(), plain(e.invoiceAmount()), plain(e.sumTax()),
                    plain(e.invoiceAmountMst()), e.status(), e.creditNote(), e.ledgerVoucher());
        }
    }

    /**
     * An on-account transaction (a billing milestone, §3.10). {@code status} is the milestone's
     * {@code msdyn_invoicestatus} as synced; {@code proposalId} is set once a proposal line uses it, and from then on
     * its tax groups are fixed.
     */
    record OnAccountView(UUID transactionId, String projectId, String contractId, UUID contractLine, String currency,
                         String description, LocalDate invoiceDate, String amount, String taxGroup, String itemTaxGroup,
                         int status, String proposalId) {

        static OnAccountView of(OnAccountTransaction t) {
            return new OnAccountView(t.transactionId(), t.projectId(), t.contractId(), t.contractLineRef(), t.currency(),
                    t.description(), t.invoiceDate(), plain(t.amount()), t.taxGroup(), t.itemTaxGroup(), t.status(),
                    t.proposalId());
        }
    }

    /** One tax code's share of a tax calculation: its rate in percent, the base and the rounded tax. */
    record CodeTaxView(String taxCode, String ratePercent, String baseAmount, String taxAmount) {

        static CodeTaxView of(CodeAmount c) {
            return new CodeTaxView(c.taxCode(), plain(c.rate()), plain(c.baseAmount()), plain(c.taxAmount()));
        }
    }

    /** The sales tax of an amount (§3.8): the sum of the rounded tax of each code in both groups. */
    record SalesTaxView(String taxGroup, String itemTaxGroup, String amount, String currency, LocalDate date,
                        String taxAmount, List<CodeTaxView> codes) {

        static SalesTaxView of(String taxGroup, String itemTaxGroup, BigDecimal amount, String currency, LocalDate date,
                               TaxResult result) {
            return new SalesTaxView(taxGroup, itemTaxGroup, plain(amount), currency, date, plain(result.taxAmount()),
                    result.codes().stream().map(CodeTaxView::of).toList());
        }
    }

    /**
     * What an ECB import did: business days read, rates of the requested scope imported, rows inserted or changed
     * ({@code 0} when the same file is imported again), cells without a rate ({@code N/A}), rates read but outside the
     * requested currencies and dates ({@code 0} when the request names none) and the first and last date of the file.
     */
    record EcbImportView(String rateType, int dates, long rates, long changed, long skipped, long outside,
                         LocalDate firstDate, LocalDate lastDate) {

        static EcbImportView of(EcbRatesImport.Result r) {
            return new EcbImportView(r.rateType(), r.dates(), r.rates(), r.changed(), r.skipped(), r.outside(),
                    r.firstDate(), r.lastDate());
        }
    }

    /** A posted voucher line: amount in {@code currency}, accounting amount in the accounting currency. */
    record VoucherLineView(int lineNo, String mainAccount, String currency, String amount, String accountingAmount,
                           String exchangeRate, String projectId, String customerAccount, String description) {
    }

    /** A posted voucher with its lines (debit positive, credit negative). */
    record VoucherView(String dataAreaId, String voucher, LocalDate accountingDate, String description,
                       String sourceType, String sourceId, String reversesVoucher, List<VoucherLineView> lines) {

        static VoucherView of(Ledger.Voucher v) {
            return new VoucherView(v.dataAreaId(), v.voucher(), v.accountingDate(), v.description(), v.sourceType(),
                    v.sourceId(), v.reversesVoucher(), v.lines().stream().map(l -> new VoucherLineView(l.lineNo(),
                    l.mainAccount(), l.currency(), plain(l.amount()), plain(l.accountingAmount()),
                    rate(l.exchangeRate()), l.projectId(),
                    l.customerAccount(), l.description())).toList());
        }
    }
}
