package dev.tandem.server.dualwrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.common.testing.DatabaseKind;
import dev.tandem.common.testing.TestDatabases;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import dev.tandem.server.TandemCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem maps list|validate|state} as a user runs them (DESIGN §5); state on H2. */
class MapsCommandTest {

    /** The repository's maps, seen from the server module. */
    private static final Path MAPS = Path.of("..", "maps");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int tandem(String... args) {
        CommandLine commandLine = TandemCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void listPrintsEveryMapOfTheFolderWithItsVersionAndRoute() throws IOException {
        int exitCode = tandem("maps", "list", MAPS.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        try (var files = Files.list(MAPS)) {
            assertThat(lines).hasSize((int) files.filter(p -> p.toString().endsWith(".yaml")).count());
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invoices ").contains(
                "operations/invoices → finance/"));
        assertThat(lines).allSatisfy(l -> assertThat(l).containsPattern("\\d+\\.\\d+\\.\\d+\\.\\d+").contains(" → "));
    }

    @Test
    void validateSaysOkForTheRepositorysMaps() {
        int exitCode = tandem("maps", "validate", MAPS.toString());

        assertThat(exitCode).as(out + "" + err).isZero();
        assertThat(out.toString().lines().toList()).singleElement().satisfies(l -> assertThat(l).startsWith("maps: ")
                .endsWith(" are valid"));
    }

    @Test
    void validatePrintsEveryProblemWithFileLineAndRuleAndExitsOne() throws IOException {
        String invoices = Files.readString(MAPS.resolve("invoices.yaml"));
        Files.writeString(dir.resolve("invoices.yaml"), invoices);
        Files.writeString(dir.resolve("broken.yaml"), """
                map: broken
                name: Broken
                version: 1.0.0.0
                source: operations/nosuchentity
                target: finance/projects
                fields:
                  - a > b
                """);
        Files.writeString(dir.resolve("again.yaml"), invoices);

        int exitCode = tandem("maps", "validate", dir.toString());

        assertThat(exitCode).isEqualTo(1);
        String name = dir.getFileName().toString();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(name + "/broken.yaml:4: ")
                .contains("nosuchentity"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(name + "/invoices.yaml:")
                .contains("TDM-FORMAT map id 'invoices' is already used by " + name + "/again.yaml"));
        assertThat(lines).allSatisfy(l -> assertThat(l).matches("[^:]+\\.yaml:\\d+: [A-Z0-9-]+ .+"));
        assertThat(out.toString()).doesNotContain("Exception");
    }

    @Test
    void aFolderThatDoesNotExistIsAWrongCommandLine() {
        assertThat(tandem("maps", "validate", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("No folder");
    }

    @Test
    void statePrintsEachMapsStateFromTheDatabases() {
        HikariDataSource operations = TestDatabases.create(DatabaseKind.H2, Arrays.asList(OperationsSchema.LOCATIONS));
        HikariDataSource finance = TestDatabases.create(DatabaseKind.H2, Arrays.asList(FinanceSchema.LOCATIONS));
        try {
            List<String> args = new ArrayList<>(List.of("maps", "state"));
            args.addAll(settings("operations", operations));
            args.addAll(settings("finance", finance));

            int exitCode = tandem(args.toArray(String[]::new));

            assertThat(exitCode).as(err.toString()).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains(" NOT_RUNNING ")
                    .contains("queued 0, open errors 0"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("invoices "));
        } finally {
            TestDatabases.destroy(DatabaseKind.H2, operations);
            TestDatabases.destroy(DatabaseKind.H2, finance);
        }
    }

    private static List<String> settings(String app, HikariDataSource db) {
        String prefix = "--tandem." + app + ".datasource.";
        return List.of(prefix + "url=" + db.getJdbcUrl(), prefix + "username=" + db.getUsername(),
                prefix + "password=" + (db.getPassword() == null ? "" : db.getPassword()));
    }
}
