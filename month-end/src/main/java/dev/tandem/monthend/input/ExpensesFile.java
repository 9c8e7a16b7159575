package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.WorkKind;
import dev.tandem.monthend.input.RunInput.WorkRow;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the optional {@code expenses.csv} (docs/input-format.md, "expenses.csv") into billable work rows of kind
 * EXPENSE and format {@value #FORMAT}, each with its source key ({@link SourceKeys}) over date, project, resource,
 * category, quantity, unit price, currency and description, so a row loaded before is skipped on a second run.
 */
final class ExpensesFile {

    static final String FILE = "expenses.csv";
    static final String FORMAT = "expenses";

    private ExpensesFile() {
    }

    /** @return the rows in file order; empty when the file is not there */
    static List<WorkRow> read(Path folder, FolderReferences references, List<InputProblem> problems) {
        List<WorkRow> rows = new ArrayList<>();
        CsvFile csv = CsvFile.read(folder, FILE, false, problems);
        if (csv == null || !csv.requireColumns("date", "project", "resource", "category", "quantity")) {
            return rows;
        }
        SourceKeys keys = new SourceKeys(FORMAT);
        boolean checkReferences = references.complete();
        for (CsvFile.Row row : csv.rows()) {
            LocalDate date = row.cell("date").date(true);
            String project = resolve(row.cell("project"), references::project, checkReferences, "UNKNOWN_PROJECT",
                    "is neither a project number nor a project name of " + ProjectsFile.FILE);
            String resource = resolve(row.cell("resource"), name -> references.resource(null, name), checkReferences,
                    "UNKNOWN_RESOURCE", "is not a resource name of " + ResourcesFile.FILE);
            String category = resolve(row.cell("category"), references::categoryName, checkReferences,
                    "UNKNOWN_CATEGORY", "is not an expense category of " + PriceListsFile.FILE);
            Cell quantityCell = row.cell("quantity");
            BigDecimal quantity = quantityCell.decimal(true, PriceListsFile.PRICE_DECIMALS, false);
            if (quantity != null && quantity.signum() == 0) {
                quantityCell.problem("INVALID", "quantity must be more than 0");
            }
            BigDecimal unitPrice = row.cell("unit_price").decimal(false, PriceListsFile.PRICE_DECIMALS, false);
            Cell currencyCell = row.cell("currency");
            // A receipt's price without its currency could be read in more than one currency: nothing is guessed.
            String currency = currencyCell.currency(!row.cell("unit_price").isEmpty());
            String description = row.cell("description").text();
            String key = keys.next(Arrays.asList(date, project, resource, category, SourceKeys.number(quantity),
                    SourceKeys.number(unitPrice), currency, description));
            rows.add(new WorkRow(row.source(), FORMAT, key, WorkKind.EXPENSE, project, resource, category, date,
                    quantity, unitPrice, currency, description, true));
        }
        return rows;
    }

    private static String resolve(Cell cell, Function<String, Optional<String>> lookup,
                                  boolean check, String rule, String message) {
        String text = cell.required();
        if (text == null) {
            return null;
        }
        Optional<String> found = lookup.apply(text);
        if (found.isEmpty() && check) {
            cell.problem(rule, "\"" + text + "\" " + message);
        }
        return found.orElse(text);
    }
}
