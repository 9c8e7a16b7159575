package dev.tandem.dualwrite.map;

import java.util.List;

/**
 * A field of an entity, possibly followed through lookups: {@code msdyn_project.msdyn_projectnumber} is the
 * project number of the project the row's {@code msdyn_project} lookup refers to (dual-write R29). Each segment but
 * the last must be a lookup field of the entity reached so far.
 *
 * @param segments field names, at least one
 */
public record FieldPath(List<String> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a field path has at least one field");
        }
    }

    public static FieldPath parse(String dotted) {
        return new FieldPath(List.of(dotted.split("\\.", -1)));
    }

    /** The field on the entity itself. */
    public String head() {
        return segments.get(0);
    }

    public boolean isLookup() {
        return segments.size() > 1;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
