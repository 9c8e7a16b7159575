package dev.tandem.server.run.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks {@code rates/eurofxref-hist.csv}, the ECB euro reference rates as the ECB publishes them
 * (docs/input-format.md, "Exchange rates"): a header {@code Date,USD,JPY,…} that has a column for every currency the
 * folder uses other than the accounting currency, and dates {@code YYYY-MM-DD} in the first column. Only the first
 * {@value #CHECKED_ROWS} rows are looked at: Finance imports the rates themselves later.
 */
final class EcbFile {

    static final String FILE = "rates/eurofxref-hist.csv";
    static final int CHECKED_ROWS = 5;

    private EcbFile() {
    }

    /**
     * @param used               the currencies of customers, price lists, contracts and expenses
     * @param accountingCurrency null when company.yaml has none
     * @return the file's path, or null when it is missing
     */
    static Path check(Path folder, Set<String> used, String accountingCurrency, List<InputProblem> problems) {
        String text = InputFiles.read(folder, FILE, true, problems);
        if (text == null) {
            return null;
        }
        CsvFile csv = CsvFile.parse(FILE, text, CHECKED_ROWS, problems);
        if (csv == null) {
            return folder.resolve(FILE);
        }
        if (csv.header().isEmpty() || !csv.header().getFirst().equals("Date")) {
            problems.add(new InputProblem(FILE, 1, 1, "INVALID", null, FILE + " must start with the ECB's header "
                    + "row Date,USD,JPY,…"));
            return folder.resolve(FILE);
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
        return folder.resolve(FILE);
    }
}
