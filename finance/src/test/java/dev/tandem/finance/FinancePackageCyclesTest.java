package dev.tandem.finance;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
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
        slices().matching("dev.tandem.finance.(*)..").should().beFreeOfCycles().check(FINANCE);
    }
}
