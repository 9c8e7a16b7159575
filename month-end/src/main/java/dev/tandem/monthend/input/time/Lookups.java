package dev.tandem.monthend.input.time;

import dev.tandem.monthend.input.Cell;
import dev.tandem.monthend.input.InputProblem;
import dev.tandem.monthend.input.References;
import java.util.List;

/**
 * Resolves the project and the person a tracker row names against the folder's projects.csv and resources.csv;
 * a name that resolves to nothing is UNKNOWN_PROJECT or UNKNOWN_RESOURCE at the cell that names it.
 */
final class Lookups {

    private final References references;

    Lookups(References references) {
        this.references = references;
    }

    /** The project number of the project {@code cell} names by number or name; null with a problem otherwise. */
    String project(Cell cell, List<InputProblem> problems) {
        if (Values.required(cell, problems) == null) {
            return null;
        }
        return references.project(cell.asWritten()).orElseGet(() -> {
            cell.problem("UNKNOWN_PROJECT",
                    "\"" + cell.asWritten() + "\" is neither a project number nor a project name of projects.csv");
            return null;
        });
    }

    /**
     * The resource name of the person a Toggl or Clockify row names by {@code user} (required) and {@code email}
     * (optional); null with a problem at the user cell otherwise.
     */
    String user(Cell user, Cell email, List<InputProblem> problems) {
        if (Values.required(user, problems) == null) {
            return null;
        }
        return resource(user, user.asWritten(), email.asWrittenOrNull(), problems);
    }

    /**
     * The resource name of the person with {@code email} (null when the export has none) or {@code name}; a problem
     * at {@code at}, the cell that names the person, when neither is in resources.csv.
     */
    String resource(Cell at, String name, String email, List<InputProblem> problems) {
        return references.resource(email, name).orElseGet(() -> {
            at.problem("UNKNOWN_RESOURCE", email == null
                    ? "\"" + name + "\" is not a name of resources.csv"
                    : "neither the e-mail \"" + email + "\" nor the name \"" + name + "\" is in resources.csv");
            return null;
        });
    }
}
