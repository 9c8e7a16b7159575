package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Customer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code customers.csv} (docs/input-format.md, "customers.csv"). */
final class CustomersFile {

    static final String FILE = "customers.csv";
    private static final String DEFAULT_GROUP = "10";

    final List<Customer> customers = new ArrayList<>();
    /** Customer numbers. */
    final KeySet numbers = new KeySet();

    private CustomersFile() {
    }

    static CustomersFile read(Path folder, List<InputProblem> problems) {
        CustomersFile result = new CustomersFile();
        CsvFile csv = CsvFile.read(folder, FILE, true, problems);
        if (csv == null || !csv.requireColumns("number", "name", "currency", "payment_terms_days")) {
            return result;
        }
        for (CsvFile.Row row : csv.rows()) {
            String number = result.numbers.define(row.cell("number"), "customer number");
            Integer days = row.cell("payment_terms_days").wholeNumber(true);
            String group = row.cell("customer_group").text();
            result.customers.add(new Customer(row.source(), number, row.cell("name").required(),
                    row.cell("currency").currency(true), days == null ? 0 : days,
                    group == null ? DEFAULT_GROUP : group));
        }
        result.numbers.markComplete();
        return result;
    }
}
