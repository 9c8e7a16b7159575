package dev.tandem.dualwrite.entity;

import java.util.List;
import java.util.Objects;

/**
 * What an app exposes to dual-write: a named set of rows with typed fields and an integration key (DESIGN §3).
 *
 * <p>Field names are the Dataverse logical names where the original publishes them ({@code msdyn_amount}), and
 * {@code tdm_}-prefixed names where it does not (see {@code docs/data-entities.md}). The table stores exactly these
 * columns, so a row image is both the database row and the entity payload.
 *
 * @param name           entity name as table maps refer to it, e.g. {@code msdyn_actuals}
 * @param table          table holding the rows, e.g. {@code msdyn_actual}
 * @param integrationKey field that identifies a row across both apps, e.g. {@code msdyn_actualid}
 * @param fields         all fields, the key included
 */
public record DataEntityDefinition(String name, String table, String integrationKey, List<String> fields) {

    public DataEntityDefinition {
        Objects.requireNonNull(name);
        Objects.requireNonNull(table);
        fields = List.copyOf(fields);
        if (!fields.contains(integrationKey)) {
            throw new IllegalArgumentException(name + ": integration key " + integrationKey + " is not one of its fields");
        }
    }
}
