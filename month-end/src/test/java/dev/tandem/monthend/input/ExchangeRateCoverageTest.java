package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RATE_MISSING (docs/input-format.md, "Exchange rates"): every conversion the run will make has a rate on or before
 * its date in rates/eurofxref-hist.csv, as Finance looks rates up. The valid folder's rates start on 2025-03-05 (USD,
 * GBP) and 2025-03-06 (JPY, N/A the day before); its USD contract PC-2001 bills the time of P-300.
 */
class ExchangeRateCoverageTest {

    private static final String RATES = "rates/eurofxref-hist.csv";
    private static final String CONTRACTS = "contracts.yaml";

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    /** PC-2001 (USD) bills P-300's expenses too, and expenses.csv line 4 is P-300's, of 2025-03-04. */
    private InputFolderFixture usdExpenseBefore5March() {
        return folder().replace(CONTRACTS, "project: P-300\n        include: [time]",
                "project: P-300\n        include: [time, expense]");
    }

    @Test
    void theRunImportsTheFoldersCurrenciesFromTheMonthOfItsFirstConversionToAsOf() {
        // A GBP customer and PC-2001's USD on P-300's expense of 5 March: two currencies, one month. JPY is a column
        // of the file but no amount is in yen; EUR is the accounting currency and has no column.
        InputFolderFixture folder = usdExpenseBefore5March().replace("expenses.csv", "2025-03-04,P-300",
                "2025-03-05,P-300").append("customers.csv", "C-400,Globe Ltd,GBP,30,\n");

        InputFolder.Result read = InputFolder.read(folder.folder(), LocalDate.of(2025, 3, 31));

        assertThat(read.problems()).isEmpty();
        assertThat(read.input().rateScope()).isEqualTo(new RunInput.RateScope(Set.of("GBP", "USD"),
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
    }

    @Test
    void theScopeStartsWithTheMonthOfTheEarliestForeignConversionNotOfAnAccountingCurrencyOne() {
        // PC-1001's milestone of 28 February is in EUR and needs no rate; PC-2001's USD invoice on --as-of does.
        InputFolder.Result read = InputFolder.read(folder().folder(), LocalDate.of(2025, 4, 30));

        assertThat(read.problems()).isEmpty();
        assertThat(read.input().rateScope()).isEqualTo(new RunInput.RateScope(Set.of("USD"),
                LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)));
        // Without --as-of there is no invoice date and no bound on the dates.
        assertThat(folder().read().input().rateScope()).isEqualTo(new RunInput.RateScope(Set.of("USD"), null, null));
    }

    @Test
    void aConversionBeforeTheCurrencysFirstRateIsRateMissingNamingTheFirstDateAndTheRow() {
        assertThat(usdExpenseBefore5March().problems()).containsExactly(
                "rates/eurofxref-hist.csv:1:1: RATE_MISSING: no exchange rate USD → EUR on or before 2025-03-04 "
                        + "(expense of project P-300 at expenses.csv:4): the file's rates of USD start on 2025-03-05, "
                        + "and the run converts USD on 2025-03-04 (1 amount)");
    }

    @Test
    void aDateOnOrAfterTheFirstRateIsCoveredEvenAfterTheLastRate() {
        InputFolderFixture folder = usdExpenseBefore5March().replace("expenses.csv", "2025-03-04,P-300",
                "2025-03-05,P-300");

        assertThat(folder.problems()).isEmpty();
        // Finance takes the latest rate on or before the date, so a date after the file's newest row is covered.
        assertThat(InputFolder.read(folder.folder(), LocalDate.of(2025, 12, 31)).problems()).isEmpty();
    }

    @Test
    void theInvoiceDateAndTheMilestonesDueByItNeedRates() {
        InputFolderFixture folder = folder();

        // PC-2001 is invoiced in USD on --as-of; PC-1001 is in EUR, the accounting currency, and needs no rate.
        assertThat(InputFolder.read(folder.folder(), LocalDate.of(2025, 3, 1)).problems())
                .extracting(InputProblem::toString).containsExactly(
                        "rates/eurofxref-hist.csv:1:1: RATE_MISSING: no exchange rate USD → EUR on or before "
                                + "2025-03-01 (the invoice of contract PC-2001 dated --as-of): the file's rates of "
                                + "USD start on 2025-03-05, and the run converts USD on 2025-03-01 (1 amount)");
        assertThat(InputFolder.read(folder.folder(), LocalDate.of(2025, 3, 5)).problems()).isEmpty();
    }

    @Test
    void aCurrencyWithoutAnyRateIsRateMissingForEveryDate() {
        InputFolderFixture folder = usdExpenseBefore5March().write(RATES,
                "Date,USD,JPY,GBP,\n2025-03-07,N/A,160.5,0.8372,\n2025-03-06,,159.81,0.8383,\n");

        assertThat(InputFolder.read(folder.folder(), LocalDate.of(2025, 3, 31)).problems())
                .extracting(InputProblem::toString).containsExactly(
                        "rates/eurofxref-hist.csv:1:1: RATE_MISSING: no exchange rate USD → EUR on or before "
                                + "2025-03-04 (expense of project P-300 at expenses.csv:4): the file has no rate for "
                                + "USD, and the run converts USD on 2 dates from 2025-03-04 to 2025-03-31 (2 amounts)");
    }

    @Test
    void aMissingColumnIsReportedOnceAsInvalidNotAlsoAsRateMissing() {
        InputFolderFixture folder = usdExpenseBefore5March().write(RATES, "Date,JPY,GBP,\n2025-03-07,160.5,0.8372,\n");

        assertThat(folder.where()).containsExactly("rates/eurofxref-hist.csv:1:1: INVALID");
    }
}
