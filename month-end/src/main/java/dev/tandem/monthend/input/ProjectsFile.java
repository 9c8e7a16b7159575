package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code projects.csv} (docs/input-format.md, "projects.csv"). Numbers and names are both unique: time-tracker
 * exports name projects by name.
 */
final class ProjectsFile {

    static final String FILE = "projects.csv";

    final List<Project> projects = new ArrayList<>();
    final KeySet numbers = new KeySet();
    /** Project names, each standing for its project's number. */
    final KeySet names = new KeySet();

    private ProjectsFile() {
    }

    static ProjectsFile read(Path folder, KeySet customers, List<InputProblem> problems) {
        ProjectsFile result = new ProjectsFile();
        CsvFile csv = CsvFile.read(folder, FILE, true, problems);
        if (csv == null || !csv.requireColumns("number", "name", "customer")) {
            return result;
        }
        for (CsvFile.Row row : csv.rows()) {
            String number = result.numbers.define(row.cell("number"), "project number");
            String name = result.names.define(row.cell("name"), "project name", number);
            Cell customer = row.cell("customer");
            customer.required();
            result.projects.add(new Project(row.source(), number, name,
                    customers.resolve(customer, "UNKNOWN_CUSTOMER", "is not a customer number of customers.csv")));
        }
        result.numbers.markComplete();
        result.names.markComplete();
        return result;
    }
}
