package dev.tandem.finance.einvoice;

import static dev.tandem.finance.FinanceError.EINVOICE_DATA_MISSING;
import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.Money;
import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.einvoice.EInvoicingSetup.Buyer;
import dev.tandem.finance.einvoice.EInvoicingSetup.Seller;
import dev.tandem.finance.einvoice.EInvoicingSetup.VatTreatment;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.CustomerInvoices;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalLines;
import dev.tandem.finance.tax.SalesTax;
import dev.tandem.finance.tax.SalesTax.CodeAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads what the e-invoice of a posted customer invoice or credit note shows ({@link EInvoiceSource}). Read-only; it
 * sees committed postings only.
 *
 * <p>A line's VAT category and rate (EN 16931 BT-151, BT-152) are those of the one sales tax code its sales tax group
 * and item sales tax group share on the invoice date (the code whose tax Finance posted), the category being the
 * code's ({@link EInvoicingSetup#setTaxCodeVatCategory}, S until set). A line no code taxes takes the buyer's VAT
 * treatment for untaxed lines at 0 %.
 *
 * <p>The credit note's corrected invoice (BT-25) is found through Project Operations' transaction connections
 * (§3.6): a billed-sales reversal on the credit note is connected (Reversing ↔ Original) to the billed sales it
 * reverses, whose proposal line is on the corrected invoice. The first such invoice by number is taken.
 */
public final class EInvoiceSources {

    /** Connection roles of Project Operations (docs/data-entities.md): Reversing and Original. */
    static final int ROLE_REVERSING = 690970100;
    static final int ROLE_ORIGINAL = 690970101;

    private final FinanceContext ctx;
    private final CustomerInvoices invoices;
    private final ProposalLines proposalLines;
    private final SalesTax salesTax;
    private final EInvoicingSetup setup;

    public EInvoiceSources(FinanceContext ctx, CustomerInvoices invoices, ProposalLines proposalLines,
                           SalesTax salesTax, EInvoicingSetup setup) {
        this.ctx = ctx;
        this.invoices = invoices;
        this.proposalLines = proposalLines;
        this.salesTax = salesTax;
        this.setup = setup;
    }

    /**
     * The e-invoice source of a posted customer invoice or credit note.
     *
     * @throws TandemException NOT_FOUND when the legal entity has no such invoice; EINVOICE_DATA_MISSING naming what
     *                         is missing: the legal entity's seller details, the customer's buyer details, the VAT
     *                         category of an untaxed line (the customer has no VAT treatment for untaxed lines), or
     *                         a line taxed by more than one sales tax code
     */
    public EInvoiceSource of(String dataAreaId, String invoiceId) {
        CustomerInvoice invoice = invoices.posted(dataAreaId, invoiceId).orElseThrow(() -> new TandemException(
                NOT_FOUND, "Customer invoice " + invoiceId + " doesn't exist in legal entity " + dataAreaId,
                Map.of("dataAreaId", dataAreaId, "invoiceId", invoiceId)));
        Seller seller = setup.seller(dataAreaId).orElseThrow(() -> missing(invoice, "legal entity " + dataAreaId
                + " has no e-invoicing details (seller address, VAT id, Peppol endpoint, payment means)"));
        Buyer buyer = setup.buyer(dataAreaId, invoice.customerAccount()).orElseThrow(() -> missing(invoice, "customer "
                + invoice.customerAccount() + " has no e-invoicing details (address, Peppol endpoint)"));
        Map<String, Object> facts = ctx.jdbc().queryForMap("SELECT l.accountingcurrency, t.exchrate, c.paymtermdays "
                + "FROM custtrans t JOIN legal_entity l ON l.dataareaid = t.dataareaid JOIN custtable c ON "
                + "c.dataareaid = t.dataareaid AND c.accountnum = t.accountnum WHERE t.dataareaid = ? AND t.invoice = ?",
                dataAreaId, invoiceId);
        String accountingCurrency = ((String) facts.get("accountingcurrency")).trim();
        BigDecimal rate = (BigDecimal) facts.get("exchrate");
        int days = ((Number) facts.get("paymtermdays")).intValue();
        List<EInvoiceSource.Line> lines = lines(dataAreaId, invoice, buyer);
        String sellerName = ctx.jdbc().queryForObject("SELECT name FROM legal_entity WHERE dataareaid = ?",
                String.class, dataAreaId);
        String correctedId = null;
        LocalDate correctedDate = null;
        if (invoice.creditNote()) {
            List<Map<String, Object>> corrected = ctx.jdbc().queryForList("SELECT DISTINCT e.invoiceid, e.invoicedate "
                    + "FROM projproposalline l JOIN projcdstransactionrelationshipimport r ON r.transaction1id = "
                    + "l.actualid AND r.transaction1role = ? AND r.transaction2role = ? JOIN projproposalline o ON "
                    + "o.actualid = r.transaction2id JOIN projcustinvoiceexport e ON e.proposalid = o.proposalid WHERE "
                    + "l.proposalid = ? AND e.invoiceid <> ? ORDER BY e.invoiceid", ROLE_REVERSING, ROLE_ORIGINAL,
                    invoice.proposalId(), invoiceId);
            if (!corrected.isEmpty()) {
                correctedId = (String) corrected.getFirst().get("invoiceid");
                Object date = corrected.getFirst().get("invoicedate");
                correctedDate = date instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) date;
            }
        }
        return new EInvoiceSource(invoice, sellerName, seller, buyer, accountingCurrency,
                rate == null ? BigDecimal.ONE : rate, days, lines, correctedId, correctedDate);
    }

    private List<EInvoiceSource.Line> lines(String dataAreaId, CustomerInvoice invoice, Buyer buyer) {
        Map<String, VatTreatment> categories = setup.taxCodeCategories(dataAreaId);
        SalesTax batch = salesTax.forBatch();
        Map<List<String>, List<CodeAmount>> codesOf = new LinkedHashMap<>();
        List<EInvoiceSource.Line> out = new ArrayList<>();
        // The names the PDF groups and labels lines by: the contract's lines, and the billed actuals' resources.
        Map<UUID, String> contractLines = new java.util.HashMap<>();
        ctx.jdbc().query("SELECT contractlineid, description FROM projcontractline WHERE projinvoiceprojid = ?",
                rs -> {
                    contractLines.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, invoice.contractId());
        Map<UUID, String> people = new java.util.HashMap<>();
        ctx.jdbc().query("SELECT s.actualsimportid, s.bookableresourcename FROM projproposalline l JOIN "
                + "projcdsactualsimport s ON s.actualsimportid = l.actualsimportid WHERE l.proposalid = ? AND "
                + "s.bookableresourcename IS NOT NULL", rs -> {
                    people.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, invoice.proposalId());
        for (ProposalLine l : proposalLines.lines(invoice.proposalId())) {
            if (!l.toBeInvoiced()) {
                continue;
            }
            BigDecimal amount = Money.round(l.lineAmount(), invoice.currency());
            // The codes of a group pair on the invoice date, as posting taxed the line (ProposalPosting).
            List<CodeAmount> codes = codesOf.computeIfAbsent(java.util.Arrays.asList(l.taxGroup(), l.itemTaxGroup()),
                    k -> batch.calculate(dataAreaId, l.taxGroup(), l.itemTaxGroup(), amount, invoice.currency(),
                            invoice.invoiceDate()).codes());
            String category;
            BigDecimal rate;
            VatTreatment treatment;
            if (codes.size() > 1) {
                throw missing(invoice, "line " + l.lineTransId() + " is taxed by " + codes.size() + " sales tax codes ("
                        + String.join(", ", codes.stream().map(CodeAmount::taxCode).toList()) + "); EN 16931 gives a "
                        + "line one VAT category and rate (BT-151, BT-152)");
            } else if (codes.size() == 1) {
                CodeAmount code = codes.getFirst();
                treatment = categories.getOrDefault(code.taxCode(), new VatTreatment("S", null, null));
                category = treatment.category();
                rate = code.rate();
            } else {
                treatment = buyer.untaxed();
                if (treatment == null) {
                    throw missing(invoice, "line " + l.lineTransId() + " has no sales tax and customer "
                            + invoice.customerAccount() + " has no VAT category for untaxed lines (e.g. AE reverse "
                            + "charge, G export, O not subject to VAT)");
                }
                category = treatment.category();
                rate = BigDecimal.ZERO;
            }
            out.add(new EInvoiceSource.Line(l.lineTransId(), l.type(), l.transDate(), l.projectId(), l.contractLine(),
                    l.categoryId(), l.description(), l.quantity(), l.salesPrice(), amount,
                    Money.round(l.taxAmount(), invoice.currency()), category, rate, treatment.exemptionCode(),
                    treatment.exemptionReason(), l.contractLine() == null ? null : contractLines.get(l.contractLine()),
                    people.get(l.stagingId())));
        }
        return out;
    }

    private static TandemException missing(CustomerInvoice invoice, String what) {
        return new TandemException(EINVOICE_DATA_MISSING, "Customer invoice " + invoice.invoiceId() + " has no "
                + "e-invoice: " + what, Map.of("invoiceId", invoice.invoiceId()));
    }
}
