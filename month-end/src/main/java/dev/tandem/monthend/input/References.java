package dev.tandem.monthend.input;

import java.util.Optional;

/**
 * What the folder defines, for readers that resolve references (time-tracker exports, expenses): projects by number
 * or name, resources by e-mail or name, and expense categories. Lookups are exact after trimming and
 * case-insensitive.
 */
public interface References {

    /** The project number of the project with this number or name. */
    Optional<String> project(String numberOrName);

    /** The resource name of the resource with this e-mail (when given and known) or name. */
    Optional<String> resource(String email, String name);

    boolean category(String name);
}
