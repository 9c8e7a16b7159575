package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package cycle inside the Project Operations app (DESIGN §2, issue 12 acceptance 1): each first-level package
 * below {@code dev.tandem.operations} (with its sub-packages) is a slice, and no two slices depend on each other in
 * a circle. Checked on the compiled production classes. The layers that result, lowest first: {@code masterdata},
 * {@code pricing}, {@code actuals} (with the actual's option values, {@code NteStatus} included), {@code contracts},
 * {@code nte}, {@code work} (approval posting), {@code backlog}, {@code invoicing}, {@code sync}.
 */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tandem.operations");

    @Test
    void firstLevelPackagesAreFreeOfCycles() {
        assertNoViolation(slices().matching("dev.tandem.operations.(*)..").should().beFreeOfCycles());
    }

    /** The rule matched imported classes (so it cannot pass on nothing) and none of them breaks it. */
    private static void assertNoViolation(ArchRule rule) {
        assertThat(CLASSES).as("production classes imported").isNotEmpty();
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
