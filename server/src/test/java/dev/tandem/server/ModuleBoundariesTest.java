package dev.tandem.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import dev.tandem.dualwrite.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module rules of DESIGN §2: Project Operations and Finance never know each other (only table maps cross), the
 * dual-write runtime knows neither, {@code common} knows no other Tandem module, the apps use only dual-write's SPI,
 * and nothing outside an app runs SQL on its tables (the server and the month-end job use the apps' published query,
 * command and reconciliation methods). Checked on the compiled production classes of every module (ArchUnit) and on
 * the Maven dependencies (the poms).
 */
class ModuleBoundariesTest {

    private static final String OPERATIONS = "dev.tandem.operations..";
    private static final String FINANCE = "dev.tandem.finance..";
    private static final String COMMON = "dev.tandem.common..";
    private static final String SERVER = "dev.tandem.server..";
    private static final String MONTH_END = "dev.tandem.monthend..";

    /** What dual-write publishes to the apps: the entity SPI, the write path and change capture (dualwrite-spi). */
    private static final String[] DUALWRITE_SPI = {"dev.tandem.dualwrite", "dev.tandem.dualwrite.spi",
        "dev.tandem.dualwrite.entity", "dev.tandem.dualwrite.capture"};

    /**
     * The classes of {@code server} that run SQL, each on tables of the server's own only ({@code
     * dev.tandem.server.database.ServerSchema}): the idempotency keys, the last runs of Finance's jobs and db-scheduler's
     * {@code scheduled_tasks} (read for the jobs' next run), and the configuration that makes each database's
     * {@code JdbcTemplate} and {@code JdbcClient} beans, and the pool of an embedded H2 file database, which runs
     * H2's {@code SHUTDOWN} (no table) when it closes. Migrations (Flyway) and db-scheduler's wiring take a
     * {@code DataSource} and need no exception.
     */
    private static final Set<String> SERVER_TABLE_CLASSES = Set.of(
            "dev.tandem.server.api.Idempotency",
            "dev.tandem.server.jobs.FinanceJobRuns",
            "dev.tandem.server.security.UserStore",
            "dev.tandem.server.security.SecurityLog",
            "dev.tandem.server.database.DatabaseConfiguration",
            "dev.tandem.server.database.AppDataSources$EmbeddedH2Pool");

    /** Spring's JDBC access ({@code JdbcTemplate}, {@code JdbcClient}, {@code NamedParameterJdbcTemplate}, …) and JDBC's. */
    private static final DescribedPredicate<JavaClass> RUNS_SQL = resideInAPackage("org.springframework.jdbc.core..")
            .or(assignableTo(Statement.class)).or(assignableTo(ResultSet.class))
            .as("JDBC access (org.springframework.jdbc.core.., java.sql.Statement, java.sql.ResultSet)");

    /** The app context's helpers that run SQL on a table the caller names. */
    private static final DescribedPredicate<JavaMethodCall> APP_TABLE_SQL = DescribedPredicate.describe(
            "an app context's SQL helpers (jdbc, requireExists, insertAudited, idsIn)",
            call -> call.getTargetOwner().isAssignableTo(AppContext.class)
                    && Set.of("jdbc", "requireExists", "insertAudited", "idsIn").contains(call.getName()));

    /** Production classes only: not test classes, not the test harness in tandem-common's test-jar. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tandem");

    @Test
    void operationsDoesNotDependOnFinance() {
        noClasses().that().resideInAPackage(OPERATIONS).should().dependOnClassesThat().resideInAPackage(FINANCE)
                .because("only table maps cross between the apps (DESIGN §1)").check(CLASSES);
    }

    @Test
    void financeDoesNotDependOnOperations() {
        noClasses().that().resideInAPackage(FINANCE).should().dependOnClassesThat().resideInAPackage(OPERATIONS)
                .because("only table maps cross between the apps (DESIGN §1)").check(CLASSES);
    }

    @Test
    void commonDependsOnNoOtherTandemModule() {
        noClasses().that().resideInAPackage(COMMON).should().dependOnClassesThat(
                        resideInAPackage("dev.tandem..").and(not(resideInAPackage(COMMON))))
                .because("common is the base every module shares (DESIGN §2)").check(CLASSES);
    }

    @Test
    void dualWriteKnowsNeitherApp() {
        noClasses().that().resideInAPackage("dev.tandem.dualwrite..").should().dependOnClassesThat(
                        resideInAnyPackage(OPERATIONS, FINANCE))
                .because("apps plug into dual-write through its entity SPI, not the reverse (DESIGN §2)")
                .check(CLASSES);
    }

    @Test
    void theServerRunsNoSqlOnTheAppsTables() {
        noClasses().that().resideInAPackage(SERVER)
                .and(not(serverTableClass()))
                .should().dependOnClassesThat(RUNS_SQL).orShould().callMethodWhere(APP_TABLE_SQL)
                .because("the server reads and writes the apps through their published query, command and "
                        + "reconciliation methods; SQL on an app's tables lives in the app (DESIGN §2)")
                .check(CLASSES);
    }

    @Test
    void theMonthEndJobRunsNoSqlOnTheAppsTables() {
        noClasses().that().resideInAPackage(MONTH_END)
                .should().dependOnClassesThat(RUNS_SQL).orShould().callMethodWhere(APP_TABLE_SQL)
                .because("the month-end job knows only the apps' published APIs (DESIGN §2)")
                .check(CLASSES);
    }

    /**
     * No module has a package cycle: within each module's root package, the top-level packages ({@code actuals},
     * {@code invoicing} with its sub-packages, {@code runtime}, {@code input}…) depend on each other in one direction
     * only. The two dual-write modules share the root {@code dev.tandem.dualwrite}; the runtime's packages may use
     * the SPI's, never the reverse.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.tandem.common", "dev.tandem.dualwrite", "dev.tandem.operations",
        "dev.tandem.finance", "dev.tandem.monthend", "dev.tandem.server"})
    void noModuleHasAPackageCycle(String root) {
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a package cycle makes a module one lump that cannot be read or changed in parts (issue 12)")
                .allowEmptyShould(root.equals("dev.tandem.common"))
                .check(CLASSES);
    }

    @Test
    void theAppsUseOnlyTheDualWriteSpi() {
        noClasses().that().resideInAnyPackage(OPERATIONS, FINANCE).should().dependOnClassesThat(
                        resideInAPackage("dev.tandem.dualwrite..").and(not(resideInAnyPackage(DUALWRITE_SPI))))
                .because("an app plugs into dual-write through its SPI (dualwrite-spi); the runtime (maps, sync, "
                        + "error log) is the server's to run (DESIGN §2)")
                .check(CLASSES);
    }

    @Test
    void theAppPomsDoNotListTheDualWriteRuntime() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(dependencies(root.resolve("project-operations/pom.xml"))).contains("tandem-dualwrite-spi")
                .doesNotContain("tandem-dualwrite-runtime");
        assertThat(dependencies(root.resolve("finance/pom.xml"))).contains("tandem-dualwrite-spi")
                .doesNotContain("tandem-dualwrite-runtime");
    }

    /** A class of {@link #SERVER_TABLE_CLASSES}, or one nested in it. */
    private static DescribedPredicate<JavaClass> serverTableClass() {
        return DescribedPredicate.describe("a class on the server's own tables " + SERVER_TABLE_CLASSES,
                c -> SERVER_TABLE_CLASSES.stream().anyMatch(name -> c.getName().equals(name)
                        || c.getName().startsWith(name + "$")));
    }

    @Test
    void theAppPomsDoNotDependOnEachOther() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(dependencies(root.resolve("project-operations/pom.xml"))).isNotEmpty()
                .doesNotContain("tandem-finance");
        assertThat(dependencies(root.resolve("finance/pom.xml"))).isNotEmpty()
                .doesNotContain("tandem-project-operations");
    }

    /** Every dependency artifactId of a pom: dependencies, dependency management, profiles, plugins. */
    private static List<String> dependencies(Path pom) throws Exception {
        assertThat(pom).as("module pom next to server/").exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes;
        try (var in = Files.newInputStream(pom)) {
            nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("dependency");
        }
        List<String> artifactIds = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            NodeList ids = ((Element) nodes.item(i)).getElementsByTagName("artifactId");
            if (ids.getLength() > 0) {
                artifactIds.add(ids.item(0).getTextContent().strip());
            }
        }
        return artifactIds;
    }
}
