package dev.tandem.monthend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The month-end job uses the apps through their published APIs only (issue 12 point 5): no SQL of its own (no
 * {@code JdbcTemplate}, {@code JdbcClient} or JDBC), nothing of the dual-write runtime and nothing of the server.
 * The server's {@code ModuleBoundariesTest} checks the same across all modules; this test fails in this module's
 * own build.
 */
class MonthEndBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem.monthend");

    @Test
    void theJobRunsNoSql() {
        noClasses().that().resideInAPackage("dev.tandem.monthend..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("every read and write goes through the query and command methods the apps publish")
                .check(CLASSES);
    }

    @Test
    void theJobKnowsNeitherTheDualWriteRuntimeNorTheServer() {
        noClasses().that().resideInAPackage("dev.tandem.monthend..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.tandem.dualwrite.runtime..", "dev.tandem.dualwrite.map..",
                        "dev.tandem.server..")
                .because("the server wires the job, not the reverse; the sync runtime is the server's")
                .check(CLASSES);
    }
}
