package dev.tandem.finance;

import dev.tandem.common.testing.DatabaseTest;
import dev.tandem.finance.setup.FinanceSetup.LegalEntityInput;
import dev.tandem.finance.setup.FinanceSetup.ProfileInput;
import dev.tandem.finance.setup.NumberSequences;
import dev.tandem.finance.setup.ProfileRuleLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the Finance suites: a fresh database (H2 and PostgreSQL) with legal entity USMF (accounting currency
 * USD), open monthly periods for 2025–2026, a chart of accounts, customer C-001, project group TM with project
 * P-001 of contract PC-001, a profile without accrued revenue (TM) and one with it (TM-WIP), line properties mapped
 * from the Dataverse billing types, and the number sequences posting uses.
 */
public abstract class FinanceTestBase extends DatabaseTest {

    protected static final String LE = "USMF";
    protected static final String PROJECT = "P-001";
    protected static final String CONTRACT = "PC-001";
    protected static final String CUSTOMER = "C-001";

    protected Finance finance;
    protected JdbcTemplate jdbc;

    @Override
    protected List<String> migrationLocations() {
        return Arrays.asList(FinanceSchema.LOCATIONS);
    }

    @BeforeEach
    void buildFinanceWorld() {
        Clock clock = Clock.fixed(Instant.parse("2026-04-15T12:00:00Z"), ZoneOffset.UTC);
        finance = new Finance(FinanceContext.of(dataSource(), clock, () -> "accountant@example.test"));
        jdbc = finance.context().jdbc();
        var setup = finance.setup();
        setup.createLegalEntity(new LegalEntityInput(LE, "Contoso USA", "USD", "ECB", "MONTHS", false, "SEARCH", false,
                "999999"));
        setup.createMonthlyPeriods(LE, LocalDate.of(2025, 1, 1), 24);
        for (String[] a : new String[][] {{"110000", "Customer balance", "ASSET"}, {"140100", "WIP sales value", "ASSET"},
                {"220000", "Sales tax payable", "LIABILITY"}, {"401000", "Invoiced revenue", "REVENUE"},
                {"401100", "Accrued revenue", "REVENUE"}, {"401200", "Invoiced revenue on account", "REVENUE"},
                {"140200", "WIP invoiced on account", "LIABILITY"}, {"600100", "Project cost", "EXPENSE"},
                {"600900", "Payroll allocation", "EXPENSE"}, {"999999", "Rounding", "EXPENSE"}}) {
            setup.createMainAccount(LE, a[0], a[1], a[2]);
        }
        setup.createCustomer(LE, CUSTOMER, "Fabrikam", "10", 30, "USD", "SALES-US");
        setup.createProjectGroup(LE, "TM", "Time and material");
        setup.createProject(LE, PROJECT, "ERP rollout", "TM", CONTRACT, CUSTOMER, null);
        setup.createProfile(LE, new ProfileInput("TM", "T&M, no WIP", false, "600100", "600900", null, null, "401000",
                "401200", "140200", "110000", "220000"));
        setup.createProfile(LE, new ProfileInput("TM-WIP", "T&M with accrued revenue", true, "600100", "600900", "140100",
                "401100", "401000", "401200", "140200", "110000", "220000"));
        setup.createProfileRule(LE, ProfileRuleLevel.PROJECT_GROUP, "TM", "TM");
        setup.createLineProperty(LE, "Chargeable", "Chargeable", true, List.of(192350001));
        setup.createLineProperty(LE, "NonChargeable", "Non-chargeable", false, List.of(192350000, 192350002));
        setup.createProjectCategory(LE, "Development", "Development");
        setup.createNumberSequence(LE, NumberSequences.VOUCHER, "GJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.JOURNAL, "PIJ-", 6, false);
        setup.createNumberSequence(LE, NumberSequences.PROPOSAL, "PP-", 6, true);
        setup.createNumberSequence(LE, NumberSequences.CUSTOMER_INVOICE, "CI-", 6, false);
    }
}
