package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code resources.csv} (docs/input-format.md, "resources.csv"). The roles are those the resources have:
 * {@code resources.csv} defines them, and price lists may price only those.
 */
final class ResourcesFile {

    static final String FILE = "resources.csv";

    final List<Resource> resources = new ArrayList<>();
    /** Resource names. */
    final KeySet names = new KeySet();
    /** E-mail addresses, each standing for its resource's name. */
    final KeySet emails = new KeySet();
    /** Role names, of all resources. */
    final KeySet roles = new KeySet();

    private ResourcesFile() {
    }

    static ResourcesFile read(Path folder, List<InputProblem> problems) {
        ResourcesFile result = new ResourcesFile();
        CsvFile csv = CsvFile.read(folder, FILE, true, problems);
        if (csv == null || !csv.requireColumns("name", "roles")) {
            return result;
        }
        for (CsvFile.Row row : csv.rows()) {
            String name = result.names.define(row.cell("name"), "resource name");
            String email = result.emails.defineIfGiven(row.cell("email"), "e-mail", name);
            List<String> roles = roles(row.cell("roles"));
            roles.forEach(result.roles::add);
            result.resources.add(new Resource(row.source(), name, email, roles));
        }
        result.names.markComplete();
        result.emails.markComplete();
        result.roles.markComplete();
        return result;
    }

    /** The {@code ;}-separated role names: at least one, none empty, none twice. */
    private static List<String> roles(Cell cell) {
        String text = cell.required();
        List<String> roles = new ArrayList<>();
        if (text == null) {
            return roles;
        }
        KeySet seen = new KeySet();
        for (String part : text.split(";", -1)) {
            String role = part.strip();
            if (role.isEmpty()) {
                cell.problem("INVALID", "roles \"" + text + "\" has an empty role name; separate role names by ;");
                continue;
            }
            if (seen.find(role).isPresent()) {
                cell.problem("DUPLICATE", "role \"" + role + "\" is listed twice");
                continue;
            }
            seen.add(role);
            roles.add(role);
        }
        return roles;
    }
}
