package dev.tandem.monthend.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.einvoice.EInvoicingSetup.Address;
import dev.tandem.finance.einvoice.EInvoicingSetup.Buyer;
import dev.tandem.finance.einvoice.EInvoicingSetup.Contact;
import dev.tandem.finance.einvoice.EInvoicingSetup.Endpoint;
import dev.tandem.finance.einvoice.EInvoicingSetup.PaymentMeans;
import dev.tandem.finance.einvoice.EInvoicingSetup.Seller;
import dev.tandem.finance.einvoice.EInvoicingSetup.VatTreatment;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
import dev.tandem.finance.proposal.TransactionRelationships;
import dev.tandem.finance.proposal.TransactionRelationships.Relationship;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import dev.tandem.finance.tax.SalesTaxSetup.TaxCodeInput;
import dev.tandem.finance.tax.SalesTaxSetup.TaxValue;
import dev.tandem.finance.tax.TaxRounding;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A German consultancy's Finance to post e-invoice cases in, through Finance's own paths: legal entity NWCO
 * "Northwind Consulting GmbH" (EUR) in Berlin with its seller details; customers C-DE (Litware GmbH, Munich, taxed
 * by group DOMESTIC: VAT19 19 % on item group FULL, VAT7 7 % on item group REDUCED), C-US (Fabrikam Inc., USD at a
 * fixed 0.92 on contract PC-US, not subject to German VAT: O) and C-AT (Contoso GmbH, Vienna, reverse charge: AE).
 * {@link #post} plays dual-write (billed sales rows and the proposal header arriving) and the accountant (tax groups
 * on the lines, posting).
 */
final class EInvoiceWorld {

    static final String LE = "NWCO";
    static final LocalDate INVOICE_DATE = LocalDate.of(2025, 4, 30);
    static final int TIME = 192350000;
    static final int EXPENSE = 192350001;
    static final int MATERIAL = 192350002;
    static final int FEE = 192350004;

    /** One billed line: classification, what it says, quantity, unit price, and the item tax group (null: none). */
    record Work(int classification, String description, String quantity, String unitPrice, String itemTaxGroup) {

        static Work hours(String description, String quantity, String unitPrice) {
            return new Work(TIME, description, quantity, unitPrice, "FULL");
        }
    }

    final Finance finance;

    EInvoiceWorld(DataSource financeDb) {
        Clock clock = Clock.fixed(Instant.parse("2025-05-02T12:00:00Z"), ZoneOffset.UTC);
        finance = new Finance(FinanceContext.of(financeDb, clock, () -> "accountant@example.test"));
        var setup = finance.setup();
        setup.createLegalEntity(new LegalEntityInput(LE, "Northwind Consulting GmbH", "EUR", "ECB", "MONTHS", false,
                "SEARCH", false, "999999"));
        setup.createMonthlyPeriods(LE, LocalDate.of(2025, 1, 1), 12);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401200", "Invoiced revenue on account", "REVENUE"}, {"140200", "WIP invoiced on account", "LIABILITY"},
                {"600100", "Project cost", "EXPENSE"}, {"600900", "Payroll allocation", "EXPENSE"},
                {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(LE, a[0], a[1], a[2]);
        }
        var tax = finance.salesTaxSetup();
        tax.createTaxCode(new TaxCodeInput(LE, "VAT19", "Umsatzsteuer 19 %", TaxRounding.nearestCent(),
                List.of(new TaxValue(LocalDate.of(2025, 1, 1), null, new BigDecimal("19")))));
        tax.createTaxCode(new TaxCodeInput(LE, "VAT7", "Umsatzsteuer 7 %", TaxRounding.nearestCent(),
                List.of(new TaxValue(LocalDate.of(2025, 1, 1), null, new BigDecimal("7")))));
        tax.createTaxGroup(LE, "DOMESTIC", "Domestic sales", List.of("VAT19", "VAT7"));
        tax.createItemTaxGroup(LE, "FULL", "Standard rate", List.of("VAT19"));
        tax.createItemTaxGroup(LE, "REDUCED", "Reduced rate", List.of("VAT7"));
        setup.createCustomer(LE, "C-DE", "Litware GmbH", "10", 14, "EUR", "DOMESTIC");
        setup.createCustomer(LE, "C-US", "Fabrikam Inc.", "10", 45, "USD", null);
        setup.createCustomer(LE, "C-AT", "Contoso GmbH", "10", 30, "EUR", null);
        setup.createProjectGroup(LE, "TM", "Time and material");
        setup.createProject(LE, "P-DE", "ERP rollout", "TM", "PC-DE", "C-DE", null);
        setup.createProject(LE, "P-DE2", "Training", "TM", "PC-DE", "C-DE", null);
        setup.createProject(LE, "P-US", "Data platform", "TM", "PC-US", "C-US", null);
        setup.createProject(LE, "P-AT", "Web shop", "TM", "PC-AT", "C-AT", null);
        setup.createProfile(LE, new ProfileInput("TM", "T&M, no WIP", false, "600100", "600900", null, null, "401000",
                "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, ProfileRuleLevel.PROJECT_GROUP, "TM", "TM");
        setup.createLineProperty(LE, "Chargeable", "Chargeable", true, List.of(192350001));
        setup.createNumberSequence(LE, NumberSequences.VOUCHER, "GJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.PROPOSAL, "PP-", 6, true);
        setup.createNumberSequence(LE, NumberSequences.CUSTOMER_INVOICE, "CI-", 6, false);
        finance.rates().setFixedRate(LE, "PC-US", "USD", new BigDecimal("0.92"));

        var e = finance.eInvoicing();
        e.setSeller(LE, new Seller(new Address("Friedrichstraße 123", null, "Berlin", "10117", "DE"), "DE123456789",
                "HRB 123456 B", new Endpoint("9930", "DE123456789"), new Contact("Anna Weber", "+49 30 1234567",
                "billing@northwind.example"), new PaymentMeans("58", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX",
                "Northwind Consulting GmbH")));
        e.setBuyer(LE, "C-DE", new Buyer(new Address("Leopoldstraße 1", null, "München", "80802", "DE"),
                "DE987654321", new Endpoint("9930", "DE987654321"), null, null));
        e.setBuyer(LE, "C-US", new Buyer(new Address("1 Microsoft Way", null, "Redmond", "98052", "US"), null,
                new Endpoint("0060", "123456789"), "PO-4711", new VatTreatment("O", "VATEX-EU-O",
                "Not subject to German VAT: service to a business outside the EU")));
        e.setBuyer(LE, "C-AT", new Buyer(new Address("Mariahilfer Straße 1", null, "Wien", "1060", "AT"),
                "ATU12345678", new Endpoint("9914", "ATU12345678"), null, new VatTreatment("AE", "VATEX-EU-AE",
                "Reverse charge")));
    }

    /** {@link #post(String, String, String, List, Map)} on the customer's first project, without reversals. */
    PostedInvoice post(String proposalId, String customer, List<Work> work) {
        return post(proposalId, customer, project(customer), work, Map.of());
    }

    static String project(String customer) {
        return "P-" + customer.substring(2);
    }

    static String contract(String customer) {
        return "PC-" + customer.substring(2);
    }

    static String currency(String customer) {
        return customer.equals("C-US") ? "USD" : "EUR";
    }

    /**
     * Posts proposal {@code proposalId} of the customer's contract with one billed line per {@code work} on
     * {@code project} (negative quantities make a credit note). {@code reverses} maps a work's index to the billed
     * actual it reverses: such a line is connected to it Reversing ↔ Original, as Project Operations connects a
     * billed-sales reversal of a corrective invoice (§3.6).
     */
    PostedInvoice post(String proposalId, String customer, String project, List<Work> work,
                       Map<Integer, UUID> reverses) {
        String currency = currency(customer);
        String contract = contract(customer);
        BigDecimal total = work.stream().map(w -> Money.round(new BigDecimal(w.quantity()).multiply(
                new BigDecimal(w.unitPrice())), currency)).reduce(BigDecimal.ZERO, BigDecimal::add);
        finance.proposals().headers().upsertHeader(new HeaderInput(proposalId, LE, contract, customer, customer,
                currency, INVOICE_DATE, "Invoice of " + contract, total.signum() < 0, null));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Relationship> links = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            UUID actual = Ids.newId();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("actualid", actual);
            row.put("projectdataareaid", LE);
            // A goodwill line goes on the contract's second project, so that it can offset the work to zero (a voucher
            // nets per customer and per project; one project's +x and −x would leave nothing to post).
            row.put("projectid", w.description().startsWith("Goodwill") ? "P-DE2" : project);
            row.put("contractid", contract);
            row.put("transtype", 192350006); // Billed Sales
            row.put("transactionclassification", w.classification());
            row.put("billingtype", 192350001); // Chargeable
            row.put("quantity", w.quantity());
            row.put("unitprice", w.unitPrice());
            row.put("amount", Money.round(new BigDecimal(w.quantity()).multiply(new BigDecimal(w.unitPrice())),
                    currency).toPlainString());
            row.put("transactioncurrencyid", currency);
            row.put("documentdate", INVOICE_DATE.minusDays(1 + i % 28));
            row.put("customeraccountnumber", customer);
            row.put("invoiceid", proposalId);
            row.put("description", w.description());
            rows.add(row);
            UUID original = reverses.get(i);
            if (original != null) {
                links.add(new Relationship(Ids.newId(), actual, 690970100, TransactionRelationships.ACTUAL, original,
                        690970101, TransactionRelationships.ACTUAL));
            }
        }
        finance.staging().upsert(rows);
        if (!links.isEmpty()) {
            finance.proposals().relationships().upsert(links);
        }
        assertThat(finance.proposals().lineImport().importForProposal(LE, proposalId).linesImported())
                .isEqualTo(work.size());
        // The accountant's tax groups (§3.8): DOMESTIC and the work's item group for C-DE, none for the others. Set
        // in one statement rather than line by line through ProposalEditing, which a 5,000-line invoice would make
        // slow; posting recalculates every line's tax from its groups anyway.
        if (customer.equals("C-DE")) {
            List<ProposalLine> lines = finance.proposals().lines().lines(proposalId);
            List<Object[]> groups = new ArrayList<>();
            for (ProposalLine line : lines) {
                String description = line.description();
                String itemGroup = work.stream().filter(w -> w.description().equals(description)).findFirst()
                        .map(Work::itemTaxGroup).orElse("FULL");
                groups.add(new Object[] {"DOMESTIC", itemGroup, line.lineTransId()});
            }
            finance.context().jdbc().batchUpdate("UPDATE projproposalline SET taxgroup = ?, taxitemgroup = ? WHERE "
                    + "linetransid = ?", groups);
        }
        return finance.proposals().posting().post(LE, proposalId);
    }

    /** The billed actuals of a posted proposal's lines, in line order. */
    List<UUID> actuals(String proposalId) {
        return finance.proposals().lines().lines(proposalId).stream().map(ProposalLine::actualId).toList();
    }
}
