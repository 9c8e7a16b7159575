package dev.tandem.server.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.server.TandemCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tandem reconcile} as a user runs it, with the databases given as {@code --name=value} settings: exit code
 * 0 and one {@code ok} line per invariant on consistent databases, 1 with the violated invariant's line, its samples
 * and the count when one breaks, the JSON report with {@code --json}. Subclasses supply the database kind.
 */
abstract class ReconcileCommandContract {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HikariDataSource operationsDb;
    private HikariDataSource financeDb;

    abstract DatabaseKind kind();

    @BeforeEach
    void databases() {
        operationsDb = TestDatabases.create(kind(), Arrays.asList(OperationsSchema.LOCATIONS));
        financeDb = TestDatabases.create(kind(), Arrays.asList(FinanceSchema.LOCATIONS));
    }

    @AfterEach
    void dropDatabases() {
        TestDatabases.destroy(kind(), operationsDb);
        TestDatabases.destroy(kind(), financeDb);
    }

    @Test
    void consistentDatabasesPrintOneOkLinePerInvariantAndExitZero() {
        int exitCode = reconcile();

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(10);
        for (int n = 1; n <= 8; n++) {
            assertThat(lines.get(n - 1)).startsWith("ok    " + n + " ").containsPattern("checked \\d+, violations 0$");
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ok    9 no work claimed by a gone owner"));
        assertThat(lines.get(3)).contains("invoices = AR = billed actuals");
        assertThat(lines.get(7)).contains("ledger customer balance = AR");
        assertThat(lines.getLast()).isEqualTo("reconcile: ok");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aViolationPrintsTheInvariantWithItsSamplesAndExitsWithOne() {
        // A change that never reached its target stays in the error log: nothing may be lost.
        new JdbcTemplate(operationsDb).update("INSERT INTO dw_error (map_id, entity, integration_key, operation,"
                + " error_type, cause, status, retryable, attempts, occurred_at) VALUES ('msdyn_actuals',"
                + " 'msdyn_actuals', 'k-1', 'SYNC', 'APPLICATION', 'refused by the test', 'OPEN', TRUE, 1,"
                + " CURRENT_TIMESTAMP)");

        int exitCode = reconcile();

        assertThat(exitCode).as(err.toString()).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FAIL  6 nothing lost or duplicated")
                .endsWith("checked 1, violations 1"));
        assertThat(lines).filteredOn(l -> l.startsWith("FAIL")).hasSize(1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("        open sync error ")
                .endsWith(" of map msdyn_actuals: msdyn_actuals k-1 did not sync: refused by the test"));
        assertThat(lines.getLast()).isEqualTo("reconcile: 1 violations");
        assertThat(out.toString()).doesNotContain("Exception");
    }

    @Test
    void jsonPrintsTheReport() {
        int exitCode = reconcile("--json");

        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(out.toString());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("violations").asLong()).isZero();
        assertThat(report.get("invariants")).hasSize(9);
        assertThat(report.get("invariants").get(2).get("name").asString()).isEqualTo("posted vouchers balance");
        assertThat(report.get("invariants").get(2).get("samples")).isEmpty();
    }

    @Test
    void anArgumentThatIsNoSettingIsRefusedWithTwo() {
        int exitCode = reconcile("now");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown argument 'now'", "--name=value").doesNotContain("Exception");
    }

    private int reconcile(String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile"));
        args.addAll(List.of(more));
        args.addAll(dev.tandem.server.ServerDatabases.commandLineSettings("operations", operationsDb));
        args.addAll(dev.tandem.server.ServerDatabases.commandLineSettings("finance", financeDb));
        CommandLine commandLine = TandemCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args.toArray(String[]::new));
    }
}
