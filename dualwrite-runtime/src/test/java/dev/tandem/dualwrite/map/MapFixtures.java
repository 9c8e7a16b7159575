package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entity definitions and an in-memory {@link Lookups} for the table-map tests (no database). */
final class MapFixtures {

    static final DataEntityDefinition ACTUALS = new DataEntityDefinition("msdyn_actuals", "msdyn_actual",
            "msdyn_actualid", List.of("msdyn_actualid", "msdyn_amount", "msdyn_project", "msdyn_billingtype",
            "tdm_vouchernumber", "tdm_skipsync", "msdyn_contractorganizationalunitid", "msdyn_description",
            "msdyn_externalreferenceid", "createdon"))
            .withLookup("msdyn_project", "msdyn_projects")
            .withLookup("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
            .withAlternateKeys("msdyn_externalreferenceid")
            .withReadOnly("createdon");

    static final DataEntityDefinition PROJECTS = new DataEntityDefinition("msdyn_projects", "msdyn_project",
            "msdyn_projectid", List.of("msdyn_projectid", "msdyn_projectnumber", "msdyn_subject",
            "msdyn_contractorganizationalunitid"))
            .withLookup("msdyn_contractorganizationalunitid", "msdyn_organizationalunits")
            .withAlternateKeys("msdyn_projectnumber");

    static final DataEntityDefinition ORG_UNITS = new DataEntityDefinition("msdyn_organizationalunits",
            "msdyn_organizationalunit", "msdyn_organizationalunitid",
            List.of("msdyn_organizationalunitid", "msdyn_name", "tdm_legalentity"));

    static final DataEntityDefinition STAGING = new DataEntityDefinition("ProjCDSActualsImportEntity",
            "projcdsactualsimport", "actualid", List.of("actualid", "amount", "projectid", "projectref",
            "vouchernumber", "billingtype", "isjournalized", "projectdataareaid", "description", "isprocessed",
            "transtype"))
            .withLookup("projectref", "ProjTable")
            .withReadOnly("isprocessed");

    static final DataEntityDefinition PROJ_TABLE = new DataEntityDefinition("ProjTable", "projtable",
            "projectrecid", List.of("projectrecid", "projid", "name", "dataareaid"))
            .withAlternateKeys("projid");

    static Map<String, Map<String, DataEntityDefinition>> entities() {
        return Map.of(
                "operations", byName(ACTUALS, PROJECTS, ORG_UNITS),
                "finance", byName(STAGING, PROJ_TABLE));
    }

    static Map<String, DataEntityDefinition> byName(DataEntityDefinition... definitions) {
        Map<String, DataEntityDefinition> out = new LinkedHashMap<>();
        for (DataEntityDefinition d : definitions) {
            out.put(d.name(), d);
        }
        return out;
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    /** Rows of one app's entities in memory; counts the reads per entity. */
    static final class FakeLookups implements Lookups {
        private final Map<String, DataEntityDefinition> definitions;
        private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        final Map<String, Integer> reads = new LinkedHashMap<>();
        final List<Integer> readSizes = new ArrayList<>();

        FakeLookups(DataEntityDefinition... definitions) {
            this.definitions = byName(definitions);
        }

        FakeLookups add(String entity, Map<String, Object> row) {
            rows.computeIfAbsent(entity, k -> new ArrayList<>()).add(row);
            return this;
        }

        int totalReads() {
            return reads.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public List<Map<String, Object>> read(String entity, String keyField, List<?> keys) {
            DataEntityDefinition definition = definition(entity);
            if (!definition.isKey(keyField)) {
                throw new IllegalArgumentException(keyField + " is not a key of " + entity);
            }
            reads.merge(entity, 1, Integer::sum);
            readSizes.add(keys.size());
            Set<String> wanted = new HashSet<>();
            keys.forEach(k -> wanted.add(String.valueOf(k)));
            return rows.getOrDefault(entity, List.of()).stream()
                    .filter(r -> wanted.contains(String.valueOf(r.get(keyField))))
                    .toList();
        }

        @Override
        public DataEntityDefinition definition(String entity) {
            DataEntityDefinition d = definitions.get(entity);
            if (d == null) {
                throw new IllegalArgumentException("no entity " + entity);
            }
            return d;
        }
    }

    private MapFixtures() {
    }
}
