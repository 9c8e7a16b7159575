package dev.tandem.finance.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import dev.tandem.finance.FinanceTestBase;
import dev.tandem.finance.rates.EcbRatesImport.Result;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ECB historical reference rates import (§9, §11 item 20) on the real file's rows of 2025-04-01 to 2025-05-09
 * (the last date of the copy in the shared data; {@code src/test/resources/ecb}), and lookups on the imported rates.
 */
class EcbRatesImportTest extends FinanceTestBase {

    private static final String FILE = "/ecb/eurofxref-hist-2025q2.csv";
    private static final String FULL_HISTORY = "/ecb/eurofxref-hist.csv.gz";
    private static final LocalDate MAY_9 = LocalDate.of(2025, 5, 9);
    private static final String HEADER = "Date,USD,JPY,GBP,CYP,\n";

    private static Reader file() {
        return new InputStreamReader(Objects.requireNonNull(EcbRatesImportTest.class.getResourceAsStream(FILE)),
                StandardCharsets.UTF_8);
    }

    /** The cell of {@code currency} on {@code date}, read from the test file independently of the import. */
    private static BigDecimal cell(LocalDate date, String currency) {
        try (Reader reader = file(); CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                if (row.get("Date").equals(date.toString())) {
                    return new BigDecimal(row.get(currency));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no row for " + date);
    }

    private Result importFile() {
        return finance.ecbImport().importCsv(file(), "ECB");
    }

    private int rates() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM exchangerate", Integer.class);
    }

    private BigDecimal rate(String from, String to, LocalDate date) {
        return finance.rates().rate("ECB", from, to, date);
    }

    @Test
    void importsEveryPublishedRateAsEuroToCurrency() {
        Result result = importFile();

        // 26 business days × 41 currencies: 780 rates, 286 N/A cells (CYP, EEK, ROL … no longer exist).
        assertThat(result).isEqualTo(new Result("ECB", 26, 780, 780, 286, 0, LocalDate.of(2025, 4, 1), MAY_9));
        assertThat(rates()).isEqualTo(780);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exchangerate WHERE fromcurrency <> 'EUR' "
                + "OR ratetype <> 'ECB' OR tocurrency IN ('CYP', 'EEK')", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT createdby FROM exchangerate WHERE tocurrency = 'USD' AND validfrom = ?",
                String.class, MAY_9)).isEqualTo("accountant@example.test");
    }

    @Test
    void usdOnMay9Is1_1252AndTheGbpToUsdCrossRateGoesThroughEuro() {
        importFile();

        assertThat(rate("EUR", "USD", MAY_9)).isEqualByComparingTo("1.1252");
        assertThat(rate("EUR", "JPY", MAY_9)).isEqualByComparingTo("163.36");
        // As ExchangeRates documents: EUR→USD / EUR→GBP at 34 digits, then half-up to 10 decimals.
        BigDecimal expected = cell(MAY_9, "USD").divide(cell(MAY_9, "GBP"), MathContext.DECIMAL128)
                .setScale(ExchangeRates.RATE_SCALE, RoundingMode.HALF_UP);
        assertThat(expected).isEqualTo(new BigDecimal("1.3273563761")); // 1.1252 / 0.8477 = 1.32735637607644…
        assertThat(rate("GBP", "USD", MAY_9)).isEqualTo(expected);
        // The inverse of a stored pair: 1 / 1.1252 = 0.88872… half-up to 10 decimals.
        assertThat(rate("USD", "EUR", MAY_9)).isEqualTo(new BigDecimal("0.8887308923"));
    }

    @Test
    void aWeekendOrAHolidayTakesTheLastPublishedRate() {
        importFile();

        assertThat(rate("EUR", "USD", LocalDate.of(2025, 5, 10))).isEqualByComparingTo("1.1252"); // Saturday
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 5, 11))).isEqualByComparingTo("1.1252"); // Sunday
        // Good Friday to Easter Monday 2025 the ECB publishes nothing: Thursday 17 April's rate holds.
        for (int day = 18; day <= 21; day++) {
            assertThat(rate("EUR", "USD", LocalDate.of(2025, 4, day))).isEqualByComparingTo("1.136");
            assertThat(rate("EUR", "GBP", LocalDate.of(2025, 4, day))).isEqualByComparingTo("0.85873");
        }
    }

    @Test
    void aDateBeforeTheFirstRateIsRefused() {
        importFile();

        for (String[] pair : new String[][] {{"EUR", "USD"}, {"USD", "EUR"}, {"GBP", "USD"}}) {
            assertThatThrownBy(() -> rate(pair[0], pair[1], LocalDate.of(2025, 3, 31)))
                    .isInstanceOfSatisfying(TandemException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(FinanceError.EXCHANGE_RATE_NOT_FOUND);
                        assertThat(e.detail()).contains(pair[0], pair[1], "ECB", "2025-03-31");
                    });
        }
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 4, 1))).isEqualByComparingTo("1.0788");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndACorrectionReplacesTheRate() {
        importFile();

        Result again = importFile();

        assertThat(again.rates()).isEqualTo(780);
        assertThat(again.changed()).isZero();
        assertThat(rates()).isEqualTo(780);

        Result corrected = finance.ecbImport().importCsv(new StringReader(HEADER + "2025-05-09,1.1299,N/A,0.8477,N/A,\n"),
                "ECB");

        assertThat(corrected.changed()).isEqualTo(1);
        assertThat(rates()).isEqualTo(780);
        assertThat(rate("EUR", "USD", MAY_9)).isEqualByComparingTo("1.1299");
        // Every new or corrected rate reached the outbox (the CDS Exchange Rates map); the repeat wrote nothing.
        assertThat(jdbc.queryForList("SELECT operation, COUNT(*) AS n FROM dw_outbox WHERE entity = 'exchangerates' "
                + "GROUP BY operation ORDER BY operation")).extracting(r -> r.get("operation"),
                r -> ((Number) r.get("n")).intValue()).containsExactly(tuple("INSERT", 780), tuple("UPDATE", 1));
        assertThat(jdbc.queryForObject("SELECT payload FROM dw_outbox WHERE operation = 'UPDATE'", String.class))
                .contains("\"rateid\":\"ECB|EUR|USD|2025-05-09\"", "1.1299");
    }

    @Test
    void naAndEmptyCellsAndEmptyLinesAreSkippedWithOrWithoutTheTrailingColumn() {
        String withTrailing = HEADER + "2025-05-09,1.1252,,0.8477,N/A,\n\n2025-05-08,1.1297,163.45,N/A,N/A,\n";
        String without = "Date,USD,JPY\r\n2025-05-07,1.1330,162.51\r\n";

        Result first = finance.ecbImport().importCsv(new StringReader(withTrailing), "ECB");
        Result second = finance.ecbImport().importCsv(new StringReader(without), "ECB");

        assertThat(first).isEqualTo(new Result("ECB", 2, 4, 4, 4, 0, LocalDate.of(2025, 5, 8), MAY_9));
        assertThat(second.rates()).isEqualTo(2);
        assertThat(rate("EUR", "JPY", LocalDate.of(2025, 5, 9))).isEqualByComparingTo("163.45"); // 9 May's is empty
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 5, 7))).isEqualByComparingTo("1.1330");
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2025-05-09,1.1252,163.36,0.8477,N/A,\\n2025-05-08,1.1297,163.45,0.84.76,N/A,|line 3, column GBP|'0.84.76'",
        "2025-05-09,1.1252,163.36,0.8477,N/A,\\n2025-05-08,-1.1297,163.45,0.8476,N/A,|line 3, column USD|'-1.1297'",
        "2025-05-09,1.1252,163.36,0,N/A,|line 2, column GBP|'0' is not an exchange rate",
        "2025-05-09,1.1252,163.36,1.2e3,N/A,|line 2, column GBP|'1.2e3'",
        "2025-05-09,1.1252,163.36,0.12345678901,N/A,|line 2, column GBP|10 decimal digits",
        "2025-05-09,1.1252,1234567890,0.8477,N/A,|line 2, column JPY|9 integer",
        "09/05/2025,1.1252,163.36,0.8477,N/A,|line 2, column Date|'09/05/2025' is not a date",
        "2025-05-09,1.1252,163.36,0.8477,N/A,\\n\\n2025-05-09,1.1252,163.36,0.8477,N/A,|line 4, column Date|the date of line 2",
        "2025-05-09,1.1252,163.36,0.8477|line 2:|has 4 cells, the header names 5 columns",
        "2025-05-09,1.1252,163.36,0.8477,N/A,1.5|line 2:|has 6 cells"})
    void aBadRowIsRefusedNamingItsLineAndColumnAndNothingIsWritten(String rows, String where, String why) {
        String csv = HEADER + rows.replace("\\n", "\n") + "\n";

        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(csv), "ECB"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                    assertThat(e.detail()).startsWith("ECB rates file, " + where).contains(why);
                });
        assertThat(rates()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Datum,USD,|column 1: 'Datum' is not 'Date'",
        "Date,USD,usd,|column 3: 'usd' is not a three-letter currency code",
        "Date,,USD,|column 2: '' is not a three-letter currency code",
        "Date,USD,GBP,USD,|column 4: USD is named a second time"})
    void aBadHeaderIsRefusedNamingItsColumn(String header, String why) {
        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(header + "\n2025-05-09,1,2,3,\n"), "ECB"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                    assertThat(e.detail()).isEqualTo("ECB rates file, line 1, " + why);
                });
        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(""), "ECB"))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.detail()).contains("line 1", "empty"));
    }

    @Test
    void brokenQuotingIsRefusedNamingTheLine() {
        String csv = HEADER + "2025-05-09,1.1252,163.36,0.8477,N/A,\n2025-05-08,\"1.1297\"x,163.45,0.8476,N/A,\n";

        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(csv), "ECB"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                    assertThat(e.detail()).isEqualTo("ECB rates file can't be parsed: Invalid character between "
                            + "encapsulated token and delimiter at line: 3, position: 79");
                });
        assertThat(rates()).isZero();
    }

    @Test
    void aRefusalAfterSeveralBatchesRollsBackTheWholeFileAndNamesLineAndColumn() {
        // 100 dates × 41 currencies: four batches are written before line 102 is found bad.
        String csv = synthetic(100) + "2024-01-01," + "1.5,".repeat(7) + "x," + "1.5,".repeat(33) + "\n";

        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(csv), "ECB"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.detail()).startsWith("ECB rates file, line 102, column " + CURRENCIES.get(7) + ": 'x'");
                    assertThat(e.properties()).containsEntry("line", 102L).containsEntry("column", CURRENCIES.get(7));
                });
        assertThat(rates()).isZero();
    }

    @Test
    void aLargeFileImportsInBatches() {
        // 1,500 dates × 41 currencies = 61,500 rows, 62 JDBC batches.
        Result result = finance.ecbImport().importCsv(new StringReader(synthetic(1500)), "ECB");

        assertThat(result.rates()).isEqualTo(61_500L);
        assertThat(result.changed()).isEqualTo(61_500L);
        assertThat(rates()).isEqualTo(61_500);
        assertThat(rate("EUR", CURRENCIES.get(40), result.firstDate())).isEqualByComparingTo("1.0040");
    }

    @Test
    void anUnknownRateTypeIsRefusedAndAnotherTypeKeepsItsOwnRates() {
        assertThatThrownBy(() -> finance.ecbImport().importCsv(file(), "BANK"))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.NOT_FOUND);
                    assertThat(e.detail()).isEqualTo("Exchange rate type BANK doesn't exist");
                });

        finance.rateTypes().create("BANK", "Rates of the house bank");
        finance.ecbImport().importCsv(new StringReader(HEADER + "2025-05-09,1.13,N/A,N/A,N/A,\n"), "BANK");
        importFile();

        assertThat(finance.rates().rate("BANK", "EUR", "USD", MAY_9)).isEqualByComparingTo("1.13");
        assertThat(rate("EUR", "USD", MAY_9)).isEqualByComparingTo("1.1252");
    }

    /** The ECB's full history as published (1999-01-04 to 2025-05-09, 41 currencies), gzipped. */
    private static Reader fullHistory() {
        try {
            return new InputStreamReader(new GZIPInputStream(Objects.requireNonNull(
                    EcbRatesImportTest.class.getResourceAsStream(FULL_HISTORY))), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the full history, read independently of the import: date → currency → cell. */
    private static Map<LocalDate, Map<String, String>> fullHistoryCells() {
        Map<LocalDate, Map<String, String>> cells = new TreeMap<>();
        try (Reader reader = fullHistory(); CSVParser parser = CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                Map<String, String> byCurrency = new TreeMap<>(row.toMap());
                byCurrency.remove("Date");
                byCurrency.remove("");
                cells.put(LocalDate.parse(row.get("Date")), byCurrency);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    @Test
    void theFullHistoryScopedToTwoCurrenciesAndOneMonthStoresThatMonthAndTheLastRateBeforeIt() {
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        Result result = finance.ecbImport().importCsv(fullHistory(), "ECB",
                new EcbRatesImport.Scope(Set.of("USD", "GBP"), newYear, LocalDate.of(2025, 1, 31)));

        Map<LocalDate, Map<String, String>> cells = fullHistoryCells();
        List<LocalDate> january = cells.keySet().stream().filter(d -> d.getYear() == 2025 && d.getMonthValue() == 1)
                .toList();
        assertThat(january).hasSize(22).doesNotContain(newYear); // New Year's Day is a TARGET holiday
        // January's 22 business days and New Year's Eve (the last rate before the scope), of USD and GBP: 46 rows.
        List<LocalDate> expectedDates = new ArrayList<>(january);
        expectedDates.add(LocalDate.of(2024, 12, 31));
        for (String currency : List.of("USD", "GBP")) {
            assertThat(jdbc.queryForList("SELECT validfrom FROM exchangerate WHERE tocurrency = ?", LocalDate.class,
                    currency)).containsExactlyInAnyOrderElementsOf(expectedDates);
        }
        assertThat(rates()).isEqualTo(46);
        long rateCells = cells.values().stream().flatMap(m -> m.values().stream())
                .filter(c -> !c.isEmpty() && !c.equals("N/A")).count();
        assertThat(result.dates()).isEqualTo(cells.size());
        assertThat(result.rates()).isEqualTo(46L);
        assertThat(result.changed()).isEqualTo(46L);
        assertThat(result.outside()).isEqualTo(rateCells - 46);
        assertThat(result.firstDate()).isEqualTo(LocalDate.of(1999, 1, 4));
        assertThat(result.lastDate()).isEqualTo(MAY_9);
        // Only the stored rates are synced: one outbox row each.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'exchangerates'", Integer.class))
                .isEqualTo(46);

        // The first day of the scope is a holiday: the rate of 31 December 2024 holds, as with the whole file.
        assertThat(rate("EUR", "USD", newYear)).isEqualByComparingTo("1.0389");
        assertThat(rate("EUR", "GBP", newYear)).isEqualByComparingTo("0.82918");
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 1, 2))).isEqualByComparingTo("1.0321");
        // Saturday 4 and Sunday 5 January take Friday 3 January's rate.
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 1, 4))).isEqualByComparingTo("1.0299");
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 1, 5))).isEqualByComparingTo("1.0299");
        BigDecimal cross = new BigDecimal("1.0389").divide(new BigDecimal("0.82918"), MathContext.DECIMAL128)
                .setScale(ExchangeRates.RATE_SCALE, RoundingMode.HALF_UP);
        assertThat(rate("GBP", "USD", newYear)).isEqualTo(cross);
        // Nothing before the scope's fallback rate, of any other currency, or after the scope.
        assertThat(finance.rates().find("ECB", "EUR", "USD", LocalDate.of(2024, 12, 30))).isEmpty();
        assertThat(finance.rates().find("ECB", "EUR", "JPY", LocalDate.of(2025, 1, 15))).isEmpty();
        assertThat(rate("EUR", "USD", LocalDate.of(2025, 3, 3)))
                .isEqualByComparingTo(fullCell(january.getLast(), "USD"));
    }

    /** The cell of the full history's row of {@code date}. */
    private static BigDecimal fullCell(LocalDate date, String currency) {
        return new BigDecimal(fullHistoryCells().get(date).get(currency));
    }

    @Test
    void aScopeStartingOnAWeekendTakesEachCurrencysOwnLastRateEvenWhenItsColumnIsNaThatDay() {
        // ISK was not quoted from 2008-12-10 to 2018-02-26 (N/A): its last rate before the scope is years earlier.
        Result result = finance.ecbImport().importCsv(fullHistory(), "ECB",
                new EcbRatesImport.Scope(Set.of("ISK", "USD"), LocalDate.of(2017, 12, 2), LocalDate.of(2017, 12, 3)));

        assertThat(result.rates()).isEqualTo(2L); // one rate before the scope each, none in it (a weekend)
        assertThat(jdbc.queryForList("SELECT rateid FROM exchangerate ORDER BY rateid", String.class))
                .containsExactly("ECB|EUR|ISK|2008-12-09", "ECB|EUR|USD|2017-12-01");
        assertThat(rate("EUR", "USD", LocalDate.of(2017, 12, 3))).isEqualByComparingTo(fullCell(LocalDate.of(2017, 12, 1),
                "USD"));
    }

    @Test
    void aScopeCurrencyTheFileHasNoColumnForIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> finance.ecbImport().importCsv(file(), "ECB",
                new EcbRatesImport.Scope(Set.of("USD", "XAU"), null, null)))
                .isInstanceOfSatisfying(TandemException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(FinanceError.INVALID_INPUT);
                    assertThat(e.detail()).isEqualTo("ECB rates file, line 1: the header has no column XAU, whose "
                            + "rates are asked for");
                });
        assertThat(rates()).isZero();
    }

    @Test
    void aScopeWithoutDatesKeepsEveryDateOfItsCurrenciesAndABrokenCellOutsideItIsStillRefused() {
        Result result = finance.ecbImport().importCsv(file(), "ECB", new EcbRatesImport.Scope(Set.of("USD"), null,
                null));
        assertThat(result.rates()).isEqualTo(26L);
        assertThat(result.outside()).isEqualTo(780L - 26);

        String brokenGbp = HEADER + "2025-05-12,1.13,N/A,0.8x,N/A,\n";
        assertThatThrownBy(() -> finance.ecbImport().importCsv(new StringReader(brokenGbp), "ECB",
                new EcbRatesImport.Scope(Set.of("USD"), null, null)))
                .isInstanceOfSatisfying(TandemException.class, e -> assertThat(e.properties())
                        .containsEntry("column", "GBP"));
        assertThat(rates()).isEqualTo(26);
    }

    /** The currencies of the real file's header, in its order. */
    private static final List<String> CURRENCIES = List.of("USD", "JPY", "BGN", "CYP", "CZK", "DKK", "EEK", "GBP", "HUF",
            "LTL", "LVL", "MTL", "PLN", "ROL", "RON", "SEK", "SIT", "SKK", "CHF", "ISK", "NOK", "HRK", "RUB", "TRL", "TRY",
            "AUD", "BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR");

    /** A file in the ECB's layout: {@code days} dates back from 2025-05-09, currency i at rate 1 + i / 10,000. */
    private static String synthetic(int days) {
        StringBuilder csv = new StringBuilder("Date,").append(String.join(",", CURRENCIES)).append(",\n");
        for (int d = 0; d < days; d++) {
            csv.append(MAY_9.minusDays(d));
            for (int i = 0; i < CURRENCIES.size(); i++) {
                csv.append(',').append(BigDecimal.ONE.add(BigDecimal.valueOf(i, 4)).toPlainString());
            }
            csv.append(",\n");
        }
        return csv.toString();
    }
}
