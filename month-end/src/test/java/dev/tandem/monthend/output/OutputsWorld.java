package dev.tandem.monthend.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Ids;
import dev.tandem.common.Money;
import dev.tandem.finance.Finance;
import dev.tandem.finance.FinanceContext;
import dev.tandem.finance.proposal.ProposalHeaders.HeaderInput;
import dev.tandem.finance.proposal.ProposalLine;
import dev.tandem.finance.proposal.ProposalPosting.PostedInvoice;
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
import javax.sql.DataSource;

/**
 * A Finance world to post invoices in, through Finance's own paths (the setup of {@code SyncedWorld.buildFinance}):
 * legal entity USMF "Contoso USA" (USD), customer C-001 "Fabrikam" on project P-001 / contract PC-001, customer
 * C-002 with a name WinAnsi can't show entirely on P-002 / PC-002 (EUR at a fixed 1.10), sales tax VAT 20 % through
 * group SALES-US and item group ALL. {@link #post} plays dual-write (billed sales rows and the proposal header
 * arriving) and the accountant (tax groups, posting).
 */
final class OutputsWorld {

    static final String LE = "USMF";
    static final String SELLER = "Contoso USA";
    static final String ODD_NAME = "Łódź Ωmega 北京 Café GmbH";
    static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 31);

    /** One billed hour line: what it says, how many hours at what price. */
    record Work(String description, String quantity, String unitPrice) {
    }

    final Finance finance;

    OutputsWorld(DataSource financeDb) {
        Clock clock = Clock.fixed(Instant.parse("2026-04-15T12:00:00Z"), ZoneOffset.UTC);
        finance = new Finance(FinanceContext.of(financeDb, clock, () -> "accountant@example.test"));
        var setup = finance.setup();
        setup.createLegalEntity(new LegalEntityInput(LE, SELLER, "USD", "ECB", "MONTHS", false, "SEARCH", false,
                "999999"));
        setup.createMonthlyPeriods(LE, LocalDate.of(2026, 1, 1), 12);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401200", "Invoiced revenue on account", "REVENUE"}, {"140200", "WIP invoiced on account", "LIABILITY"},
                {"600100", "Project cost", "EXPENSE"}, {"600900", "Payroll allocation", "EXPENSE"},
                {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(LE, a[0], a[1], a[2]);
        }
        setup.createCustomer(LE, "C-001", "Fabrikam", "10", 30, "USD", "SALES-US");
        setup.createCustomer(LE, "C-002", ODD_NAME, "10", 14, "EUR", "SALES-US");
        setup.createProjectGroup(LE, "TM", "Time and material");
        setup.createProject(LE, "P-001", "ERP rollout", "TM", "PC-001", "C-001", null);
        setup.createProject(LE, "P-002", "Data platform", "TM", "PC-002", "C-002", null);
        setup.createProfile(LE, new ProfileInput("TM", "T&M, no WIP", false, "600100", "600900", null, null, "401000",
                "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, ProfileRuleLevel.PROJECT_GROUP, "TM", "TM");
        setup.createLineProperty(LE, "Chargeable", "Chargeable", true, List.of(192350001));
        setup.createNumberSequence(LE, NumberSequences.VOUCHER, "GJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.PROPOSAL, "PP-", 6, true);
        setup.createNumberSequence(LE, NumberSequences.CUSTOMER_INVOICE, "CI-", 6, false);
        finance.salesTaxSetup().createTaxCode(new TaxCodeInput(LE, "VAT", "Value added tax", TaxRounding.nearestCent(),
                List.of(new TaxValue(LocalDate.of(2026, 1, 1), null, new BigDecimal("20")))));
        finance.salesTaxSetup().createTaxGroup(LE, "SALES-US", "Domestic sales", List.of("VAT"));
        finance.salesTaxSetup().createItemTaxGroup(LE, "ALL", "Everything", List.of("VAT"));
        finance.rates().setFixedRate(LE, "PC-002", "EUR", new BigDecimal("1.10"));
    }

    /**
     * Posts proposal {@code proposalId} of the customer's contract in {@code currency} with one billed hour line per
     * {@code work} (negative quantities make a credit note), every line taxed at VAT 20 %.
     */
    PostedInvoice post(String proposalId, String customer, String currency, List<Work> work) {
        String project = customer.equals("C-001") ? "P-001" : "P-002";
        String contract = customer.equals("C-001") ? "PC-001" : "PC-002";
        boolean credit = work.stream().anyMatch(w -> w.quantity().startsWith("-"));
        finance.proposals().headers().upsertHeader(new HeaderInput(proposalId, LE, contract, customer, customer,
                currency, INVOICE_DATE, "Invoice of " + contract, credit, null));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Work w : work) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("actualid", Ids.newId()); // time-ordered, as Dataverse ids of Tandem are
            row.put("projectdataareaid", LE);
            row.put("projectid", project);
            row.put("contractid", contract);
            row.put("transtype", 192350006); // Billed Sales
            row.put("transactionclassification", 192350000); // Time
            row.put("billingtype", 192350001); // Chargeable
            row.put("quantity", w.quantity());
            row.put("unitprice", w.unitPrice());
            row.put("amount", Money.round(new BigDecimal(w.quantity()).multiply(new BigDecimal(w.unitPrice())),
                    currency).toPlainString());
            row.put("transactioncurrencyid", currency);
            row.put("documentdate", INVOICE_DATE.minusDays(10));
            row.put("customeraccountnumber", customer);
            row.put("invoiceid", proposalId);
            row.put("description", w.description());
            rows.add(row);
        }
        finance.staging().upsert(rows);
        assertThat(finance.proposals().lineImport().importForProposal(LE, proposalId).linesImported())
                .isEqualTo(work.size());
        for (ProposalLine line : finance.proposals().lines().lines(proposalId)) {
            finance.proposals().editing().setLineTaxGroups(LE, proposalId, line.lineTransId(), "SALES-US", "ALL");
        }
        return finance.proposals().posting().post(LE, proposalId);
    }

    int count(String table) {
        Integer n = finance.context().jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }
}
