package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A world that can go all the way to a posted customer invoice in a running server whose maps run: Finance's setup of
 * legal entity USMF (periods, accounts, the T&M posting profile of project group TM, line properties, number
 * sequences; made once per server) through the server's own {@link Finance}, so the maps carry it; the customer
 * {@code C-<key>} and project {@code P-<key>} in Finance; and, over the Project Operations API, an {@link ApiWorld}
 * whose contract is for the customer as the customers map brought it over, confirmed. Nothing here calls Finance's
 * API.
 */
final class PostingWorld {

    static final String LE = "USMF";

    private PostingWorld() {
    }

    /** Builds a new world on the server's data; answers its Project Operations side. */
    static ApiWorld build(ApiClient api, Finance finance, JdbcTemplate operations) {
        setUpLegalEntity(finance);
        String key = ApiWorld.newKey();
        FinanceSetup setup = finance.setup();
        setup.createCustomer(LE, "C-" + key, "Fabrikam " + key, "10", 30, "USD", "SALES-US");
        setup.createProject(LE, "P-" + key, "ERP rollout", "TM", "PC-" + key, "C-" + key, null);
        // The customers map (Finance → Project Operations) brought the customer over as an account.
        UUID customer = operations.queryForObject("SELECT accountid FROM account WHERE accountnumber = ?", UUID.class,
                "C-" + key);
        ApiWorld world = ApiWorld.build(api, null, key, customer);
        api.post("/contracts/" + world.contract() + "/confirm").ok();
        return world;
    }

    /** Approves 8 hours, marks them Ready, creates the contract's invoice and confirms it; answers the invoice. */
    static JsonNode confirmedInvoice(ApiClient api, ApiWorld world) {
        world.readyTime(api, 8);
        JsonNode created = api.post("/contracts/" + world.contract() + "/invoices", object("invoiceDate",
                "2026-03-31")).json();
        assertThat(created.get("ids")).as(created.toString()).hasSize(1);
        String invoice = created.get("ids").get(0).asString();
        api.post("/invoices/" + invoice + "/confirm").ok();
        return api.get("/invoices/" + invoice).ok();
    }

    /** Legal entity USMF with what posting T&M time needs, unless the server has it already. */
    static synchronized void setUpLegalEntity(Finance finance) {
        if (finance.postingSetup().dataAreaIds().contains(LE)) {
            return;
        }
        FinanceSetup setup = finance.setup();
        setup.createLegalEntity(new LegalEntityInput(LE, "Contoso USA", "USD", "ECB", "MONTHS", false, "SEARCH", false,
                "999999"));
        setup.createMonthlyPeriods(LE, LocalDate.of(2025, 1, 1), 36);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"}, {"140100", "WIP sales value", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401100", "Accrued revenue", "REVENUE"}, {"401200", "Invoiced revenue on account", "REVENUE"},
                {"140200", "WIP invoiced on account", "LIABILITY"}, {"600100", "Project cost", "EXPENSE"},
                {"600900", "Payroll allocation", "EXPENSE"}, {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(LE, a[0], a[1], a[2]);
        }
        setup.createProjectGroup(LE, "TM", "Time and material");
        setup.createProfile(LE, new ProfileInput("TM", "T&M, no WIP", false, "600100", "600900", null, null, "401000",
                "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, ProfileRuleLevel.PROJECT_GROUP, "TM", "TM");
        setup.createLineProperty(LE, "Chargeable", "Chargeable", true, List.of(192350001));
        setup.createLineProperty(LE, "NonChargeable", "Non-chargeable", false, List.of(192350000, 192350002,
                192350003));
        setup.createNumberSequence(LE, NumberSequences.VOUCHER, "GJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.JOURNAL, "PIJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.PROPOSAL, "PP-", 6, true);
        setup.createNumberSequence(LE, NumberSequences.CUSTOMER_INVOICE, "CI-", 6, false);
    }
}
