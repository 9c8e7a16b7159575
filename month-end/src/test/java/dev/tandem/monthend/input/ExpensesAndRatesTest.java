package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** expenses.csv and rates/eurofxref-hist.csv (docs/input-format.md, "expenses.csv", "Exchange rates"). */
class ExpensesAndRatesTest {

    private static final String EXPENSES = "expenses.csv";
    private static final String RATES = "rates/eurofxref-hist.csv";

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    @Test
    void expenseReferencesResolve() {
        InputFolderFixture folder = folder().append(EXPENSES, "2025-03-05,P-999,Alan Turing,Hotel,1,,,\n");

        assertThat(folder.problems()).containsExactly(
                "expenses.csv:5:2: UNKNOWN_PROJECT: \"P-999\" is neither a project number nor a project name of "
                        + "projects.csv",
                "expenses.csv:5:3: UNKNOWN_RESOURCE: \"Alan Turing\" is not a resource name of resources.csv",
                "expenses.csv:5:4: UNKNOWN_CATEGORY: \"Hotel\" is not an expense category of price-lists.csv");
    }

    @Test
    void expenseValues() {
        InputFolderFixture folder = folder().append(EXPENSES, "03/05/2025,P-100,Ada Lovelace,Travel,0,1.1234567,,\n"
                + "2025-03-05,P-100,Ada Lovelace,Travel,1,10,EURO,\n"
                + "2025-03-05,P-100,Ada Lovelace,Travel,1,10,,\n"
                + ",,,,,,,\n");

        assertThat(folder.where()).containsExactly(
                "expenses.csv:5:1: DATE_FORMAT",
                "expenses.csv:5:5: INVALID",
                "expenses.csv:5:6: NUMBER_FORMAT",
                "expenses.csv:5:7: REQUIRED",
                "expenses.csv:6:7: CURRENCY",
                "expenses.csv:7:7: REQUIRED",
                "expenses.csv:8:1: REQUIRED",
                "expenses.csv:8:2: REQUIRED",
                "expenses.csv:8:3: REQUIRED",
                "expenses.csv:8:4: REQUIRED",
                "expenses.csv:8:5: REQUIRED");
    }

    @Test
    void expensesNeedTheirColumns() {
        assertThat(folder().write(EXPENSES, "date,project,resource,quantity\n").problems()).containsExactly(
                "expenses.csv:1:1: MISSING_COLUMN: expenses.csv has no column \"category\" in its header row");
    }

    @Test
    void everyCurrencyOtherThanTheAccountingOneHasRates() {
        InputFolderFixture folder = folder().write(RATES, "Date,JPY,\n2025-03-07,160.5,\n")
                .append(EXPENSES, "2025-03-05,P-100,Ada Lovelace,Travel,1,10,CHF,\n");

        assertThat(folder.problems()).containsExactly(
                "rates/eurofxref-hist.csv:1:1: INVALID: rates/eurofxref-hist.csv has no column CHF; the folder uses "
                        + "CHF, so its rates are needed",
                "rates/eurofxref-hist.csv:1:1: INVALID: rates/eurofxref-hist.csv has no column USD; the folder uses "
                        + "USD, so its rates are needed");
    }

    @Test
    void theRatesFileStartsWithTheEcbHeader() {
        assertThat(folder().write(RATES, "Datum,USD\n2025-03-07,1.08\n").problems()).containsExactly(
                "rates/eurofxref-hist.csv:1:1: INVALID: rates/eurofxref-hist.csv must start with the ECB's header row "
                        + "Date,USD,JPY,…");
    }

    @Test
    void onlyTheFirstFiveRateDatesAreChecked() {
        InputFolderFixture folder = folder().write(RATES, "Date,USD,\n2025-03-07,1,\n07.03.2025,1,\n2025-03-05,1,\n"
                + "2025-03-04,1,\n2025-02-30,1,\nnot a date,1,\n");

        assertThat(folder.problems()).containsExactly(
                "rates/eurofxref-hist.csv:3:1: DATE_FORMAT: \"07.03.2025\" is not a date in the form YYYY-MM-DD",
                "rates/eurofxref-hist.csv:6:1: DATE_FORMAT: \"2025-02-30\" is not a date in the form YYYY-MM-DD");
    }

    @Test
    void theRealEcbFileIsAccepted() throws Exception {
        Path real = Path.of("../../shared/data/ecb/eurofxref-hist.csv").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(real), "the ECB copy is there");
        InputFolderFixture folder = folder().write(RATES, java.nio.file.Files.readString(real));

        assertThat(folder.problems()).isEmpty();
    }
}
