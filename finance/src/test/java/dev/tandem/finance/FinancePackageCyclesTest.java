package dev.tandem.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §2 and issue 12, acceptance 1: no package of the Finance app depends, directly or through other packages,
 * on a package that depends back on it. A slice is one first-level package under {@code dev.tandem.finance}
 * ({@code journal}, {@code proposal}, {@code staging}…) with its sub-packages; classes of the root package
 * ({@link Finance}, {@link FinanceContext}…) wire the slices together and are in no slice.
 */
class FinancePackageCyclesTest {

    private static final JavaClasses FINANCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem.finance");

    @Test
    void financePackagesAreFreeOfCycles() {
        assertNoViolation(slices().matching("dev.tandem.finance.(*)..").should().beFreeOfCycles());
    }

    /** The rule matched imported classes (so it cannot pass on nothing) and none of them breaks it. */
    private static void assertNoViolation(ArchRule rule) {
        assertThat(FINANCE).as("production classes imported").isNotEmpty();
        EvaluationResult result = rule.evaluate(FINANCE);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
