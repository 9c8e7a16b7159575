package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two legs of a table map (dual-write §3.1: a map has one leg per direction), ready to move rows.
 *
 * <ul>
 *   <li>The <b>forward</b> leg goes source → target with the mappings {@code >} and {@code =}, the map's
 *       {@code filter} and the legal-entity striping: the company source path is resolved and written into the
 *       company target field, and rows outside {@code legalEntities} do not pass.</li>
 *   <li>The <b>reverse</b> leg (write-back) goes target → source with the mappings {@code <} and {@code =}, sides
 *       swapped and value maps inverted, and the map's {@code reverseFilter}. Striping only checks the target row's
 *       company field against {@code legalEntities}; the source's company is not written back.</li>
 * </ul>
 *
 * <p>Lookups are read in batches: per transform (or striping) call, each level of the lookup paths reads each
 * referenced entity once per {@value #READ_CHUNK} distinct values, whatever the number of rows; paths sharing an
 * entity share the reads. A leg is immutable and thread-safe; the {@link Lookups} passed to it are used only during
 * the call.
 */
public final class MapLegs {

    /** Most keys passed to one {@link Lookups#read} call. */
    public static final int READ_CHUNK = 1000;

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private MapLegs() {
    }

    /**
     * The forward leg of a map: source → target.
     *
     * @throws IllegalArgumentException when the map has no key field (besides the company field) mapped towards the
     *                                  target, which a map from {@link TableMapLoader} always has (DIPV1014)
     */
    public static MapLeg forward(TableMap map) {
        String keyField = keyField(map);
        FieldMapping keyMapping = map.fields().stream()
                .filter(f -> f.direction().forward() && f.source() != null && f.target() != null
                        && f.target().head().equals(keyField))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Table map " + map.id() + ": key field " + keyField
                        + " is not mapped towards the target"));
        List<Rule> rules = new ArrayList<>();
        for (FieldMapping f : map.fields()) {
            if (f.direction().forward() && f.target() != null) {
                rules.add(new Rule(f.source(), f.target(), f.defaultValue(), f.valueMap()));
            }
        }
        return new Leg(map, true, map.sourceApp(), map.sourceEntity(), map.targetApp(), map.targetEntity(),
                keyMapping.source().toString(), keyField, rules, map.filter());
    }

    /**
     * The reverse (write-back) leg of a map: target → source; empty when the map has no write-back mapping
     * ({@link TableMap#hasReverseLeg()}).
     *
     * @throws IllegalArgumentException when the map writes back but its key field is not mapped {@code =}, which a
     *                                  map from {@link TableMapLoader} always is (DIPV1004)
     */
    public static Optional<MapLeg> reverse(TableMap map) {
        if (!map.hasReverseLeg()) {
            return Optional.empty();
        }
        String keyField = keyField(map);
        FieldMapping keyMapping = map.fields().stream()
                .filter(f -> f.direction() == Direction.BOTH && f.source() != null && f.target() != null
                        && f.target().head().equals(keyField))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Table map " + map.id() + ": key field " + keyField
                        + " is not mapped '=' although the map writes back"));
        List<Rule> rules = new ArrayList<>();
        for (FieldMapping f : map.fields()) {
            if (f.direction().reverse() && f.source() != null) {
                Map<String, String> inverted = new LinkedHashMap<>();
                f.valueMap().forEach((from, to) -> inverted.putIfAbsent(to, from));
                rules.add(new Rule(f.target(), f.source(), f.defaultValue(), inverted));
            }
        }
        return Optional.of(new Leg(map, false, map.targetApp(), map.targetEntity(), map.sourceApp(),
                map.sourceEntity(), keyField, keyMapping.source().head(), rules, map.reverseFilter()));
    }

    /** The key field of the map that is not the company field. */
    private static String keyField(TableMap map) {
        String company = map.company() == null ? null : map.company().target();
        return map.key().stream()
                .filter(k -> !k.equals(company))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Table map " + map.id()
                        + " has no key field besides the company field"));
    }

    /**
     * One mapping as a leg applies it.
     *
     * @param from     path read on the from-row, or null for {@code none}
     * @param to       field or path written on the to-row
     * @param valueMap from-value text → to-value text (inverted already for the reverse leg)
     */
    private record Rule(FieldPath from, FieldPath to, String defaultValue, Map<String, String> valueMap,
                        Map<BigDecimal, String> numericValueMap) {

        Rule(FieldPath from, FieldPath to, String defaultValue, Map<String, String> valueMap) {
            this(from, to, defaultValue, Map.copyOf(valueMap), numeric(valueMap));
        }

        private static Map<BigDecimal, String> numeric(Map<String, String> valueMap) {
            Map<BigDecimal, String> out = new HashMap<>();
            valueMap.forEach((k, v) -> {
                if (DECIMAL.matcher(k.trim()).matches()) {
                    out.putIfAbsent(new BigDecimal(k.trim()).stripTrailingZeros(), v);
                }
            });
            return Map.copyOf(out);
        }

        /** The mapped value of a non-null value, or null when the value map has no entry for it. */
        String mapValue(Object value) {
            String text = text(value);
            String mapped = valueMap.get(text);
            if (mapped == null && !numericValueMap.isEmpty() && DECIMAL.matcher(text).matches()) {
                mapped = numericValueMap.get(new BigDecimal(text).stripTrailingZeros());
            }
            return mapped;
        }
    }

    private static final class Leg implements MapLeg {
        private final TableMap map;
        private final boolean forward;
        private final String fromApp;
        private final String fromEntity;
        private final String toApp;
        private final String toEntity;
        private final String fromKeyField;
        private final String toKeyField;
        private final List<Rule> rules;
        private final Filter filter;

        Leg(TableMap map, boolean forward, String fromApp, String fromEntity, String toApp, String toEntity,
            String fromKeyField, String toKeyField, List<Rule> rules, Filter filter) {
            this.map = map;
            this.forward = forward;
            this.fromApp = fromApp;
            this.fromEntity = fromEntity;
            this.toApp = toApp;
            this.toEntity = toEntity;
            this.fromKeyField = fromKeyField;
            this.toKeyField = toKeyField;
            this.rules = List.copyOf(rules);
            this.filter = filter;
        }

        @Override
        public TableMap map() {
            return map;
        }

        @Override
        public boolean forward() {
            return forward;
        }

        @Override
        public String fromApp() {
            return fromApp;
        }

        @Override
        public String fromEntity() {
            return fromEntity;
        }

        @Override
        public String toApp() {
            return toApp;
        }

        @Override
        public String toEntity() {
            return toEntity;
        }

        @Override
        public String fromKeyField() {
            return fromKeyField;
        }

        @Override
        public String toKeyField() {
            return toKeyField;
        }

        @Override
        public List<Map<String, Object>> passing(List<Map<String, Object>> rows, Lookups from) {
            List<Map<String, Object>> out = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                if (filter == null || filter.test(row)) {
                    out.add(row);
                }
            }
            CompanyStriping company = map.company();
            if (company == null || company.legalEntities().isEmpty() || out.isEmpty()) {
                return out; // every legal entity passes
            }
            List<Map<String, Object>> striped = new ArrayList<>(out.size());
            if (forward) {
                Resolution legalEntities = new PathResolver(from, fromEntity)
                        .resolve(List.of(company.source()), out).get(company.source());
                for (int i = 0; i < out.size(); i++) {
                    if (company.includes(legalEntities.values[i])) {
                        striped.add(out.get(i));
                    }
                }
            } else {
                for (Map<String, Object> row : out) {
                    if (company.includes(row.get(company.target()))) {
                        striped.add(row);
                    }
                }
            }
            return striped;
        }

        @Override
        public List<Mapped> transform(List<Map<String, Object>> rows, Lookups from, Lookups to) {
            int n = rows.size();
            if (n == 0) {
                return List.of();
            }
            CompanyStriping company = forward ? map.company() : null;
            Set<FieldPath> paths = new LinkedHashSet<>();
            for (Rule rule : rules) {
                if (rule.from() != null) {
                    paths.add(rule.from());
                }
            }
            if (company != null) {
                paths.add(company.source());
            }
            Map<FieldPath, Resolution> resolved = new PathResolver(from, fromEntity).resolve(paths, rows);

            String[] problems = new String[n];
            Object[][] values = new Object[rules.size()][n];
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                Resolution resolution = rule.from() == null ? null : resolved.get(rule.from());
                boolean key = !rule.to().isLookup() && rule.to().head().equals(toKeyField);
                for (int i = 0; i < n; i++) {
                    Object value = resolution == null ? null : resolution.values[i];
                    if (key && resolution != null && resolution.missing[i] != null && problems[i] == null) {
                        problems[i] = notFound(resolution.missingField[i], resolution.missing[i]);
                    }
                    if (value == null) {
                        value = rule.defaultValue();
                    } else if (!rule.valueMap().isEmpty()) {
                        String mapped = rule.mapValue(value);
                        if (mapped == null && problems[i] == null) {
                            problems[i] = "No value map entry of " + rule.from() + " for value '" + text(value)
                                    + "' in map " + map.id();
                        }
                        value = mapped;
                    }
                    values[r][i] = value;
                }
            }
            resolveTargetPaths(values, problems, to);

            Resolution legalEntities = company == null ? null : resolved.get(company.source());
            List<Mapped> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (legalEntities != null && legalEntities.missing[i] != null && problems[i] == null) {
                    problems[i] = notFound(legalEntities.missingField[i], legalEntities.missing[i]);
                }
                if (problems[i] != null) {
                    out.add(new Mapped(null, ErrorType.LOOKUP, problems[i]));
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int r = 0; r < rules.size(); r++) {
                    row.put(rules.get(r).to().head(), values[r][i]);
                }
                if (legalEntities != null) {
                    row.put(company.target(), legalEntities.values[i]);
                }
                out.add(new Mapped(row, null, null));
            }
            return out;
        }

        /**
         * Replaces the values of rules writing a path {@code a.b} by the integration key of the row of the entity
         * {@code a} refers to whose {@code b} has the value; one read per (entity, field) and chunk.
         */
        private void resolveTargetPaths(Object[][] values, String[] problems, Lookups to) {
            DataEntityDefinition toDefinition = null;
            // "entity\0field" → value text → value, for rows without a problem
            Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
            for (int r = 0; r < rules.size(); r++) {
                FieldPath path = rules.get(r).to();
                if (!path.isLookup()) {
                    continue;
                }
                if (toDefinition == null) {
                    toDefinition = to.definition(toEntity);
                }
                String referenced = referenced(toDefinition, path.head());
                Map<String, Object> keys = wanted.computeIfAbsent(referenced + "\0" + path.segments().get(1),
                        k -> new LinkedHashMap<>());
                for (int i = 0; i < problems.length; i++) {
                    if (problems[i] == null && values[r][i] != null) {
                        keys.putIfAbsent(text(values[r][i]), values[r][i]);
                    }
                }
            }
            if (wanted.isEmpty()) {
                return;
            }
            Map<String, Map<String, Object>> found = new HashMap<>(); // "entity\0field" → value text → key
            wanted.forEach((entityAndField, keys) -> {
                String entity = entityAndField.substring(0, entityAndField.indexOf('\0'));
                String field = entityAndField.substring(entityAndField.indexOf('\0') + 1);
                String integrationKey = to.definition(entity).integrationKey();
                Map<String, Object> index = new HashMap<>();
                for (List<Object> chunk : chunks(keys.values())) {
                    for (Map<String, Object> row : to.read(entity, field, chunk)) {
                        index.putIfAbsent(text(row.get(field)), row.get(integrationKey));
                    }
                }
                found.put(entityAndField, index);
            });
            for (int r = 0; r < rules.size(); r++) {
                FieldPath path = rules.get(r).to();
                if (!path.isLookup()) {
                    continue;
                }
                Map<String, Object> index = found.get(referenced(toDefinition, path.head()) + "\0"
                        + path.segments().get(1));
                for (int i = 0; i < problems.length; i++) {
                    Object value = values[r][i];
                    if (problems[i] != null || value == null) {
                        continue;
                    }
                    Object key = index.get(text(value));
                    if (key == null) {
                        problems[i] = notFound(path.head(), value);
                    } else {
                        values[r][i] = key;
                    }
                }
            }
        }

        @Override
        public String toString() {
            return map.id() + (forward ? " forward " : " reverse ") + fromApp + "/" + fromEntity + " -> " + toApp
                    + "/" + toEntity;
        }
    }

    /** The message of dual-write R29 for a lookup that found no row. */
    private static String notFound(String field, Object value) {
        return "Couldn't resolve the guid for the field: " + field + ". The lookup was not found: " + text(value)
                + ".";
    }

    private static String referenced(DataEntityDefinition entity, String lookupField) {
        String referenced = entity.lookups().get(lookupField);
        if (referenced == null) {
            throw new IllegalStateException(lookupField + " is not a lookup field of " + entity.name());
        }
        return referenced;
    }

    /**
     * Values of one path for each row.
     *
     * @param values       the value at the end of the path; null when a field is null or a referenced row is missing
     * @param missing      the lookup value whose row was not found, or null
     * @param missingField the lookup field holding that value
     */
    private record Resolution(Object[] values, Object[] missing, String[] missingField) {
    }

    /**
     * Resolves from-side paths for many rows at once, breadth-first over the path levels: each level reads each
     * referenced entity once per {@link #READ_CHUNK} distinct values not read before, for all paths together.
     */
    private static final class PathResolver {
        private final Lookups lookups;
        private final String rootEntity;
        /** entity → key text → row; keys read but not found are in {@link #requested} only. */
        private final Map<String, Map<String, Map<String, Object>>> rowsByKey = new HashMap<>();
        private final Map<String, Set<String>> requested = new HashMap<>();
        private final Map<String, DataEntityDefinition> definitions = new HashMap<>();

        PathResolver(Lookups lookups, String rootEntity) {
            this.lookups = lookups;
            this.rootEntity = rootEntity;
        }

        Map<FieldPath, Resolution> resolve(Collection<FieldPath> paths, List<Map<String, Object>> rows) {
            int n = rows.size();
            List<State> states = new ArrayList<>();
            Map<FieldPath, Resolution> out = new LinkedHashMap<>();
            for (FieldPath path : paths) {
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = rows.get(i).get(path.head());
                }
                Resolution resolution = new Resolution(values, new Object[n], new String[n]);
                out.put(path, resolution);
                if (path.isLookup()) {
                    states.add(new State(path, resolution, rootEntity));
                }
            }
            while (!states.isEmpty()) {
                // which keys of which entity this level needs
                Map<String, Map<String, Object>> needed = new LinkedHashMap<>();
                for (State state : states) {
                    String lookupField = state.path.segments().get(state.level);
                    state.referenced = referenced(definition(state.entity), lookupField);
                    Set<String> done = requested.computeIfAbsent(state.referenced, k -> new HashSet<>());
                    Map<String, Object> keys = needed.computeIfAbsent(state.referenced, k -> new LinkedHashMap<>());
                    for (Object value : state.resolution.values) {
                        if (value != null) {
                            String text = text(value);
                            if (!done.contains(text)) {
                                keys.putIfAbsent(text, value);
                            }
                        }
                    }
                }
                needed.forEach(this::read);
                List<State> next = new ArrayList<>();
                for (State state : states) {
                    String lookupField = state.path.segments().get(state.level);
                    String field = state.path.segments().get(state.level + 1);
                    Map<String, Map<String, Object>> index = rowsByKey.getOrDefault(state.referenced, Map.of());
                    Object[] values = state.resolution.values;
                    for (int i = 0; i < n; i++) {
                        if (values[i] == null) {
                            continue;
                        }
                        Map<String, Object> row = index.get(text(values[i]));
                        if (row == null) {
                            state.resolution.missing[i] = values[i];
                            state.resolution.missingField[i] = lookupField;
                            values[i] = null;
                        } else {
                            values[i] = row.get(field);
                        }
                    }
                    state.entity = state.referenced;
                    state.level++;
                    if (state.level < state.path.segments().size() - 1) {
                        next.add(state);
                    }
                }
                states = next;
            }
            return out;
        }

        private void read(String entity, Map<String, Object> keys) {
            if (keys.isEmpty()) {
                return;
            }
            String integrationKey = definition(entity).integrationKey();
            Map<String, Map<String, Object>> index = rowsByKey.computeIfAbsent(entity, k -> new HashMap<>());
            for (List<Object> chunk : chunks(keys.values())) {
                for (Map<String, Object> row : lookups.read(entity, integrationKey, chunk)) {
                    index.putIfAbsent(text(row.get(integrationKey)), row);
                }
            }
            requested.get(entity).addAll(keys.keySet());
        }

        private DataEntityDefinition definition(String entity) {
            return definitions.computeIfAbsent(entity, lookups::definition);
        }

        /** A path being resolved: {@code level} is the index of the lookup segment to follow next. */
        private static final class State {
            final FieldPath path;
            final Resolution resolution;
            String entity;
            String referenced;
            int level;

            State(FieldPath path, Resolution resolution, String entity) {
                this.path = path;
                this.resolution = resolution;
                this.entity = entity;
            }
        }
    }

    private static List<List<Object>> chunks(Collection<Object> values) {
        List<List<Object>> out = new ArrayList<>();
        List<Object> chunk = new ArrayList<>();
        for (Object value : values) {
            chunk.add(value);
            if (chunk.size() == READ_CHUNK) {
                out.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            out.add(chunk);
        }
        return out;
    }

    /** A value as text, for value maps and key matching: numbers without trailing zeros, the rest by toString. */
    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                return text(BigDecimal.valueOf(d));
            }
        }
        return String.valueOf(value);
    }
}
