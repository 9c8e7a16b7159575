package dev.tandem.server.operations;

import static dev.tandem.server.operations.ApiClient.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.finance.setup.FinanceSetup;
import dev.tandem.server.dualwrite.SyncedWorld;
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
        SyncedWorld.setUpLegalEntity(finance.setup());
    }
}
