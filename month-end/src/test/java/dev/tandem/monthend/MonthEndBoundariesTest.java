package dev.tandem.monthend;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
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
        assertNoViolation(noClasses().that().resideInAPackage("dev.tandem.monthend..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .because("every read and write goes through the query and command methods the apps publish")
                );
    }

    @Test
    void theJobKnowsNeitherTheDualWriteRuntimeNorTheServer() {
        assertNoViolation(noClasses().that().resideInAPackage("dev.tandem.monthend..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.tandem.dualwrite.runtime..", "dev.tandem.dualwrite.map..",
                        "dev.tandem.server..")
                .because("the server wires the job, not the reverse; the sync runtime is the server's")
                );
    }

    /** The rule matched imported classes (so it cannot pass on nothing) and none of them breaks it. */
    private static void assertNoViolation(ArchRule rule) {
        assertThat(CLASSES).as("production classes imported").isNotEmpty();
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
