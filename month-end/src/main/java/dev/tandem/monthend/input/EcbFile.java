package dev.tandem.monthend.input;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks {@code rates/eurofxref-hist.csv}, the ECB euro reference rates as the ECB publishes them
 * (docs/input-format.md, "Exchange rates"): a header {@code Date,USD,JPY,…} that has a column for every currency the
 * folder uses other than the accounting currency, and dates {@code YYYY-MM-DD} in the first column. Only the first
 * {@value #CHECKED_ROWS} rows' dates are checked: Finance imports the rates themselves later.
 *
 * <p>And that the file covers every conversion the run will make ({@link RateNeeds}), as Finance looks rates up: the
 * rate of a currency on a date is its latest rate on or before the date, and the ECB quotes units of the currency per
 * euro, so converting currency X into the (euro) accounting currency needs a rate of X on or before the date, and any
 * other pair a rate of both (a cross rate through the euro). A conversion with no such rate is {@code RATE_MISSING},
 * one problem per currency naming the first date without a rate and how many dates lack one, so a folder whose rates
 * start too late is refused before a database is opened instead of leaving a confirmed invoice that can't be posted.
 */
final class EcbFile {

    static final String FILE = "rates/eurofxref-hist.csv";
    static final int CHECKED_ROWS = 5;
    private static final String NOT_AVAILABLE = "N/A";

    private EcbFile() {
    }

    /**
     * The file checked, and the rates of it the run needs.
     *
     * @param file  the file's path
     * @param scope the rates the run imports ({@link RateNeeds#scope}); null when the header is unreadable (a problem)
     */
    record Checked(Path file, RunInput.RateScope scope) {
    }

    /**
     * @param used               the currencies of customers, price lists, contracts and expenses
     * @param accountingCurrency null when company.yaml has none
     * @param needs              the conversions the run will make
     * @param asOf               the run's invoice date, null when not known
     * @return the file's path and the rates the run needs, or null when the file is missing
     */
    static Checked check(Path folder, Set<String> used, String accountingCurrency, List<RateNeeds.RateNeed> needs,
                         LocalDate asOf, List<InputProblem> problems) {
        String text = InputFiles.read(folder, FILE, true, problems);
        if (text == null) {
            return null;
        }
        CsvFile csv = CsvFile.parse(FILE, text, CHECKED_ROWS, problems);
        if (csv == null) {
            return new Checked(folder.resolve(FILE), null);
        }
        if (csv.header().isEmpty() || !csv.header().getFirst().equals("Date")) {
            problems.add(new InputProblem(FILE, 1, 1, "INVALID", null, FILE + " must start with the ECB's header "
                    + "row Date,USD,JPY,…"));
            return new Checked(folder.resolve(FILE), null);
        }
        // The rates are euro per currency: the euro itself has no column, and the accounting currency needs no rate.
        for (String currency : new TreeSet<>(used)) {
            boolean noColumnNeeded = currency.equals(CompanyFile.ECB_BASE) || currency.equals(accountingCurrency);
            if (!noColumnNeeded && !csv.header().contains(currency)) {
                problems.add(new InputProblem(FILE, 1, 1, "INVALID", currency, FILE + " has no column " + currency
                        + "; the folder uses " + currency + ", so its rates are needed"));
            }
        }
        for (CsvFile.Row row : csv.rows()) {
            row.cell(0, "Date").date(true);
        }
        // With an accounting currency other than the euro company.yaml is refused already (INVALID), and coverage of
        // conversions into a currency the file can't convert to would only repeat that.
        if (CompanyFile.ECB_BASE.equals(accountingCurrency)) {
            checkCoverage(text, csv.header(), accountingCurrency, needs, problems);
        }
        return new Checked(folder.resolve(FILE), RateNeeds.scope(needs, used, accountingCurrency, csv.header(), asOf));
    }

    /** RATE_MISSING for each currency with a conversion dated before the currency's first rate in the file. */
    private static void checkCoverage(String text, List<String> header, String accountingCurrency,
                                      List<RateNeeds.RateNeed> needs, List<InputProblem> problems) {
        Map<String, List<RateNeeds.RateNeed>> byCurrency = new TreeMap<>();
        for (RateNeeds.RateNeed need : needs) {
            if (!need.currency().equals(accountingCurrency)) {
                byCurrency.computeIfAbsent(need.currency(), c -> new ArrayList<>()).add(need);
            }
        }
        if (byCurrency.isEmpty()) {
            return;
        }
        Map<String, LocalDate> firstRate = firstRates(text, header);
        for (Map.Entry<String, List<RateNeeds.RateNeed>> e : byCurrency.entrySet()) {
            String currency = e.getKey();
            // Cross rate through the euro: both currencies' rates, the later of their first dates.
            List<String> quoted = Stream.of(currency, accountingCurrency)
                    .filter(c -> !c.equals(CompanyFile.ECB_BASE)).toList();
            if (quoted.stream().anyMatch(c -> !header.contains(c))) {
                continue; // no column: INVALID above, or the accounting currency's problem of company.yaml
            }
            LocalDate first = null;
            boolean none = false;
            for (String c : quoted) {
                LocalDate f = firstRate.get(c);
                if (f == null) {
                    none = true;
                } else if (first == null || f.isAfter(first)) {
                    first = f;
                }
            }
            LocalDate from = none ? null : first;
            List<RateNeeds.RateNeed> uncovered = e.getValue().stream()
                    .filter(n -> from == null || n.date().isBefore(from))
                    .sorted(Comparator.comparing(RateNeeds.RateNeed::date)).toList();
            if (uncovered.isEmpty()) {
                continue;
            }
            RateNeeds.RateNeed earliest = uncovered.getFirst();
            SortedSet<LocalDate> dates = uncovered.stream().map(RateNeeds.RateNeed::date)
                    .collect(Collectors.toCollection(TreeSet::new));
            String pair = currency + " → " + accountingCurrency;
            String span = dates.size() == 1 ? "on " + dates.first()
                    : "on " + dates.size() + " dates from " + dates.first() + " to " + dates.last();
            String reason = from == null
                    ? "the file has no rate for " + String.join(" or ", quoted)
                    : "the file's rates of " + String.join(" and ", quoted) + " start on " + from;
            problems.add(new InputProblem(FILE, 1, 1, "RATE_MISSING", currency, "no exchange rate " + pair
                    + " on or before " + earliest.date() + " (" + earliest.what() + "): " + reason + ", and the run "
                    + "converts " + currency + " " + span + " (" + uncovered.size() + " amount"
                    + (uncovered.size() == 1 ? "" : "s") + ")"));
        }
    }

    /**
     * The earliest date with a rate ({@code N/A} or empty is none) of each column. Rows whose date does not read are
     * skipped here; the first rows' dates are checked above and Finance's import checks the rest.
     */
    private static Map<String, LocalDate> firstRates(String text, List<String> header) {
        CsvFile all = CsvFile.parse(FILE, text, Integer.MAX_VALUE, new ArrayList<>());
        Map<String, LocalDate> first = new HashMap<>();
        if (all == null) {
            return first;
        }
        for (CsvFile.Row row : all.rows()) {
            LocalDate date = row.cell(0, "Date").date(false);
            if (date == null) {
                continue;
            }
            for (int i = 1; i < header.size(); i++) {
                String value = row.cell(i, header.get(i)).text();
                if (value != null && !value.equals(NOT_AVAILABLE)) {
                    first.merge(header.get(i), date, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return first;
    }
}
