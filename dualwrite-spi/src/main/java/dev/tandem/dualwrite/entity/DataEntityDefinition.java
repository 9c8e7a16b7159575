package dev.tandem.dualwrite.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param alternateKeys  further fields that identify a row on their own (natural keys such as {@code invoicenumber});
 *                       a table map may address the entity by any of them (dual-write R26)
 * @param lookups        lookup field → name of the entity it refers to (by that entity's integration key), e.g.
 *                       {@code msdyn_project → msdyn_projects}; table maps follow them with dotted paths (R29)
 * @param readOnly       fields the app computes itself; a table map must not write them (DIPV1011)
 */
public record DataEntityDefinition(String name, String table, String integrationKey, List<String> fields,
                                   List<String> alternateKeys, Map<String, String> lookups, List<String> readOnly) {

    public DataEntityDefinition {
        Objects.requireNonNull(name);
        Objects.requireNonNull(table);
        fields = List.copyOf(fields);
        alternateKeys = List.copyOf(alternateKeys);
        lookups = Map.copyOf(lookups);
        readOnly = List.copyOf(readOnly);
        if (!fields.contains(integrationKey)) {
            throw new IllegalArgumentException(name + ": integration key " + integrationKey + " is not one of its fields");
        }
        for (String f : alternateKeys) {
            require(name, fields, f, "alternate key");
        }
        for (String f : lookups.keySet()) {
            require(name, fields, f, "lookup");
        }
        for (String f : readOnly) {
            require(name, fields, f, "read-only field");
        }
    }

    /** An entity without alternate keys, lookups or read-only fields. */
    public DataEntityDefinition(String name, String table, String integrationKey, List<String> fields) {
        this(name, table, integrationKey, fields, List.of(), Map.of(), List.of());
    }

    /** This entity with one more lookup field → referenced entity. */
    public DataEntityDefinition withLookup(String field, String entity) {
        Map<String, String> more = new LinkedHashMap<>(lookups);
        more.put(field, entity);
        return new DataEntityDefinition(name, table, integrationKey, fields, alternateKeys, more, readOnly);
    }

    /** This entity with more alternate keys. */
    public DataEntityDefinition withAlternateKeys(String... keys) {
        List<String> more = new java.util.ArrayList<>(alternateKeys);
        more.addAll(List.of(keys));
        return new DataEntityDefinition(name, table, integrationKey, fields, more, lookups, readOnly);
    }

    /** This entity with more read-only fields. */
    public DataEntityDefinition withReadOnly(String... more) {
        List<String> all = new java.util.ArrayList<>(readOnly);
        all.addAll(List.of(more));
        return new DataEntityDefinition(name, table, integrationKey, fields, alternateKeys, lookups, all);
    }

    /** Whether {@code field} identifies a row on its own: the integration key or an alternate key. */
    public boolean isKey(String field) {
        return integrationKey.equals(field) || alternateKeys.contains(field);
    }

    private static void require(String entity, List<String> fields, String field, String what) {
        if (!fields.contains(field)) {
            throw new IllegalArgumentException(entity + ": " + what + " " + field + " is not one of its fields");
        }
    }
}
