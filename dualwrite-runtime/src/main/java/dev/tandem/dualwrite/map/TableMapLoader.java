package dev.tandem.dualwrite.map;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.AlertRule.Action;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.TableMap.Master;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads table map files (format and rules: {@code docs/dual-write.md}) and validates them against the entity
 * definitions the apps expose.
 *
 * <p>Validation reports <em>every</em> problem of a file, each with its 1-based line and rule code, e.g.
 * {@code maps/msdyn_actuals.yaml:14: DIPV1021 unknown source field: 'msdyn_amonut' is not a field of msdyn_actuals}.
 * The rules and what they implement of dual-write (§3.5 of the reference):
 * <ul>
 *   <li>DIPV1003 — no {@code key}, or a key without exactly one field besides the company field (R28);</li>
 *   <li>DIPV1004 — a key field of a map with write-back mappings is not mapped {@code =} (R28);</li>
 *   <li>DIPV1011 — a mapping (or the company field) writes a read-only field of the receiving entity;</li>
 *   <li>DIPV1012 — a filter does not parse or names a field the entity does not have (S6: no lookups in
 *       filters);</li>
 *   <li>DIPV1014 — a key field is not mapped towards the target field to field (nor the company field);</li>
 *   <li>DIPV1015 — a key field is not a key of the target entity, or, when the map writes back, its source field
 *       is not a key of the source entity (R26);</li>
 *   <li>DIPV1021 / DIPV1024 — unknown source / target app, entity or field, also inside lookup paths;</li>
 *   <li>DIPV1023 / DIPV1026 — two write-back mappings write the same source field / two mappings (or a mapping and
 *       the company striping) write the same target field;</li>
 *   <li>DIPV1029 — a value map lists a value twice (for mappings that flow back: also a target value, which the
 *       inverted map could not tell apart);</li>
 *   <li>DIPV1031 — {@code none} without a {@code default};</li>
 *   <li>TDM-LOOKUP — a path segment that is not a lookup field, or a receiving path ({@code a.b} on the side that
 *       is written) that is not {@code lookup.key} of the referenced entity (R29);</li>
 *   <li>TDM-FORMAT — YAML syntax, a missing, unknown or repeated element, a bad id, version, app/entity, direction,
 *       operation, duration or alert rule, {@code none} on the receiving side, two files with the same map id.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TableMapLoader {

    /** Rule codes, as in {@code docs/dual-write.md}. */
    static final String NO_KEY = "DIPV1003";
    static final String KEY_NOT_BIDIRECTIONAL = "DIPV1004";
    static final String READ_ONLY = "DIPV1011";
    static final String BAD_FILTER = "DIPV1012";
    static final String KEY_NOT_MAPPED = "DIPV1014";
    static final String NOT_A_KEY = "DIPV1015";
    static final String UNKNOWN_SOURCE = "DIPV1021";
    static final String DUPLICATE_SOURCE = "DIPV1023";
    static final String UNKNOWN_TARGET = "DIPV1024";
    static final String DUPLICATE_TARGET = "DIPV1026";
    static final String DUPLICATE_VALUE = "DIPV1029";
    static final String NO_DEFAULT = "DIPV1031";
    static final String LOOKUP = "TDM-LOOKUP";
    static final String FORMAT = "TDM-FORMAT";

    private static final List<String> ELEMENTS = List.of("map", "name", "version", "source", "target", "key",
            "master", "filter", "reverseFilter", "company", "operations", "reverseOperations", "alerts", "fields");
    private static final List<String> REQUIRED = List.of("map", "name", "version", "source", "target", "fields");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String NONE = "none";

    private final Map<String, Map<String, DataEntityDefinition>> entitiesByApp;

    /**
     * @param entitiesByApp app name ({@code operations}, {@code finance}) → entity name → definition; lookups of an
     *                      entity refer to entities of the same app
     */
    public TableMapLoader(Map<String, Map<String, DataEntityDefinition>> entitiesByApp) {
        Map<String, Map<String, DataEntityDefinition>> copy = new TreeMap<>();
        entitiesByApp.forEach((app, entities) -> copy.put(app, Map.copyOf(entities)));
        this.entitiesByApp = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Reads and validates one map.
     *
     * @param file name of the file for messages, e.g. {@code maps/msdyn_actuals.yaml}
     * @param yaml its content
     * @return the map
     * @throws MapLoadException with every problem of the file when it is not valid
     */
    public TableMap load(String file, String yaml) {
        Parsed parsed = parse(file, yaml);
        if (!parsed.problems().isEmpty()) {
            throw new MapLoadException(file, parsed.problems());
        }
        return parsed.map();
    }

    /**
     * Validates one map without loading it.
     *
     * @param file name of the file for messages
     * @param yaml its content
     * @return every problem, in line order; empty when the map is valid
     */
    public List<MapProblem> validate(String file, String yaml) {
        return parse(file, yaml).problems();
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file of a directory (not its subdirectories), in file-name order.
     * Files are named {@code <directory name>/<file name>} in messages, e.g. {@code maps/msdyn_actuals.yaml}. Two
     * files with the same {@code map:} id are refused (TDM-FORMAT, on the second file).
     *
     * @param dir the directory
     * @return the maps, in file-name order
     * @throws MapLoadException     listing the problems of all files when any file is not valid
     * @throws UncheckedIOException when the directory or a file cannot be read
     */
    public List<TableMap> loadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list table maps in " + dir, e);
        }
        String dirName = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        List<TableMap> maps = new ArrayList<>();
        List<MapProblem> problems = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path path : files) {
            String file = dirName + "/" + path.getFileName();
            String yaml;
            try {
                yaml = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read table map " + path, e);
            }
            Parsed parsed = parse(file, yaml);
            List<MapProblem> fileProblems = new ArrayList<>(parsed.problems());
            if (parsed.id() != null) {
                String first = fileById.putIfAbsent(parsed.id(), file);
                if (first != null) {
                    fileProblems.add(new MapProblem(file, parsed.idLine(), FORMAT,
                            "map id '" + parsed.id() + "' is already used by " + first));
                    fileProblems.sort(Comparator.comparingInt(MapProblem::line));
                }
            }
            problems.addAll(fileProblems);
            if (fileProblems.isEmpty()) {
                maps.add(parsed.map());
            }
        }
        if (!problems.isEmpty()) {
            throw MapLoadException.ofDirectory(dirName, problems);
        }
        return List.copyOf(maps);
    }

    private Parsed parse(String file, String yaml) {
        return new Parse(file).run(yaml);
    }

    /** Outcome of reading one file: the map when there are no problems; the id (and its line) when readable. */
    private record Parsed(TableMap map, String id, int idLine, List<MapProblem> problems) {
    }

    /** An entity of an app, as a map names it ({@code app/entity}). */
    private record Side(String app, String entity, DataEntityDefinition definition) {
    }

    private enum Which {
        SOURCE("source", UNKNOWN_SOURCE),
        TARGET("target", UNKNOWN_TARGET);

        final String label;
        final String unknownRule;

        Which(String label, String unknownRule) {
            this.label = label;
            this.unknownRule = unknownRule;
        }
    }

    /** A field mapping as read, before it becomes a {@link FieldMapping}. */
    private record Draft(FieldPath source, Direction direction, FieldPath target, String defaultValue,
                         Map<String, String> valueMap, int line) {
        FieldMapping toMapping() {
            return new FieldMapping(source, direction, target, defaultValue, valueMap, line);
        }

        String text() {
            return toMapping().toString();
        }
    }

    private record KeyField(String name, int line) {
    }

    /** The state of reading one file. */
    private final class Parse {
        private final String file;
        private final List<MapProblem> problems = new ArrayList<>();
        private int rootLine = 1;
        /** Whether every field mapping could be read; if not, a key may be mapped by a line that could not. */
        private boolean fieldsComplete = true;

        Parse(String file) {
            this.file = file;
        }

        Parsed run(String yaml) {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(true); // duplicates are reported by the loader, with their rule
                options.setAllowRecursiveKeys(false);
                root = new Yaml(options).compose(new StringReader(yaml));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
                if (e.getContext() != null) {
                    what = what + " (" + e.getContext() + ")";
                }
                add(mark == null ? 1 : mark.getLine() + 1, FORMAT, "YAML syntax: " + oneLine(what));
                return done(null, null, 0);
            } catch (YAMLException e) {
                add(1, FORMAT, "YAML: " + oneLine(e.getMessage()));
                return done(null, null, 0);
            }
            if (root == null) {
                add(1, FORMAT, "the file holds no table map");
                return done(null, null, 0);
            }
            rootLine = line(root);
            if (!(root instanceof MappingNode top)) {
                add(rootLine, FORMAT, "a table map is a mapping of elements (map, name, version, ...)");
                return done(null, null, 0);
            }
            Map<String, NodeTuple> elements = elements(top, ELEMENTS, "element", null);
            for (String required : REQUIRED) {
                if (!elements.containsKey(required)) {
                    add(rootLine, FORMAT, "missing element '" + required + "'");
                }
            }

            String id = text(elements, "map");
            int idLine = elements.containsKey("map") ? line(elements.get("map").getValueNode()) : rootLine;
            if (id != null && !ID.matcher(id).matches()) {
                add(idLine, FORMAT, "map id '" + id + "' may only hold letters, digits, '_', '.' and '-'");
            }
            String name = text(elements, "name");
            String version = text(elements, "version");
            if (version != null && !VERSION.matcher(version).matches()) {
                add(line(elements.get("version").getValueNode()), FORMAT,
                        "bad version '" + version + "': four numbers separated by dots, e.g. 1.0.0.19");
            }
            Side source = side(elements, Which.SOURCE);
            Side target = side(elements, Which.TARGET);
            Master master = master(elements);
            Filter filter = filter(elements, "filter", source, "source");
            Filter reverseFilter = filter(elements, "reverseFilter", target, "target");
            Set<ChangeOperation> operations = operations(elements, "operations");
            Set<ChangeOperation> reverseOperations = operations(elements, "reverseOperations");
            List<AlertRule> alerts = alerts(elements);

            // target fields written so far → line, for DIPV1026; source fields written back → line, for DIPV1023
            Map<String, Integer> targetWriters = new HashMap<>();
            Map<String, Integer> sourceWriters = new HashMap<>();
            CompanyStriping company = company(elements, source, target, targetWriters);
            List<Draft> drafts = fields(elements, source, target, targetWriters, sourceWriters);
            List<KeyField> key = key(elements);
            if (key != null) {
                checkKey(key, drafts, company, source, target);
            }

            TableMap map = null;
            if (problems.isEmpty()) {
                map = new TableMap(id, name, version, source.app(), source.entity(), target.app(), target.entity(),
                        key.stream().map(KeyField::name).toList(), master, filter, reverseFilter, company,
                        drafts.stream().map(Draft::toMapping).toList(), alerts, operations, reverseOperations, file);
            }
            return done(map, id, idLine);
        }

        private Parsed done(TableMap map, String id, int idLine) {
            List<MapProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(MapProblem::line));
            return new Parsed(map, id, idLine, List.copyOf(sorted));
        }

        // ---- elements --------------------------------------------------------------------------------------------

        /**
         * The entries of a mapping node by name, reporting non-text names, names outside {@code allowed} and names
         * given twice (TDM-FORMAT; the first occurrence is kept).
         */
        private Map<String, NodeTuple> elements(MappingNode node, List<String> allowed, String what, String within) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            String suffix = within == null ? "" : " of " + within;
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode scalar)) {
                    add(line(keyNode), FORMAT, what + " names" + suffix + " are plain text");
                    continue;
                }
                String key = scalar.getValue();
                if (!allowed.contains(key)) {
                    add(line(keyNode), FORMAT, "unknown " + what + " '" + key + "'" + suffix + " (known: "
                            + String.join(", ", allowed) + ")");
                } else if (out.containsKey(key)) {
                    add(line(keyNode), FORMAT, what + " '" + key + "'" + suffix + " is given twice (first on line "
                            + line(out.get(key).getKeyNode()) + ")");
                } else {
                    out.put(key, tuple);
                }
            }
            return out;
        }

        /** Text of a scalar element, or null (reported) when it is not a scalar with a value; null when absent. */
        private String text(Map<String, NodeTuple> elements, String name) {
            NodeTuple tuple = elements.get(name);
            return tuple == null ? null : scalar(tuple.getValueNode(), "'" + name + "'");
        }

        private String scalar(Node node, String what) {
            if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) && !s.getValue().isBlank()) {
                return s.getValue();
            }
            add(line(node), FORMAT, what + (node instanceof ScalarNode ? " has no value" : " must be a single value"));
            return null;
        }

        private Side side(Map<String, NodeTuple> elements, Which which) {
            String text = text(elements, which.label);
            if (text == null) {
                return null;
            }
            int line = line(elements.get(which.label).getValueNode());
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
                add(line, FORMAT, which.label + " '" + text + "' must be app/entity, e.g. operations/msdyn_actuals");
                return null;
            }
            String app = text.substring(0, slash);
            String entity = text.substring(slash + 1);
            Map<String, DataEntityDefinition> entities = entitiesByApp.get(app);
            if (entities == null) {
                add(line, which.unknownRule, "unknown " + which.label + " app: '" + app + "' (apps: "
                        + String.join(", ", entitiesByApp.keySet()) + ")");
                return null;
            }
            DataEntityDefinition definition = entities.get(entity);
            if (definition == null) {
                add(line, which.unknownRule, "unknown " + which.label + " entity: '" + entity
                        + "' is not an entity of " + app);
                return null;
            }
            return new Side(app, entity, definition);
        }

        private Master master(Map<String, NodeTuple> elements) {
            String text = text(elements, "master");
            if (text == null) {
                return Master.SOURCE;
            }
            return switch (text) {
                case "source" -> Master.SOURCE;
                case "target" -> Master.TARGET;
                default -> {
                    add(line(elements.get("master").getValueNode()), FORMAT,
                            "master '" + text + "' must be source or target");
                    yield Master.SOURCE;
                }
            };
        }

        /** DIPV1012: the filter parses and reads only fields of the entity itself. */
        private Filter filter(Map<String, NodeTuple> elements, String name, Side side, String sideLabel) {
            String text = text(elements, name);
            if (text == null) {
                return null;
            }
            int line = line(elements.get(name).getValueNode());
            ODataFilter filter;
            try {
                filter = ODataFilter.parse(text);
            } catch (IllegalArgumentException e) {
                add(line, BAD_FILTER, name + " does not parse: " + e.getMessage());
                return null;
            }
            if (side != null) {
                for (String field : filter.fields()) {
                    if (!side.definition().fields().contains(field)) {
                        add(line, BAD_FILTER, name + " names '" + field + "', which is not a field of "
                                + side.entity() + " (a " + name + " reads fields of the " + sideLabel
                                + " entity itself, no lookups)");
                    }
                }
            }
            return filter;
        }

        private Set<ChangeOperation> operations(Map<String, NodeTuple> elements, String name) {
            NodeTuple tuple = elements.get(name);
            if (tuple == null) {
                return EnumSet.allOf(ChangeOperation.class);
            }
            Set<ChangeOperation> out = EnumSet.noneOf(ChangeOperation.class);
            for (Node item : items(tuple.getValueNode(), "'" + name + "'")) {
                String text = scalar(item, "an operation");
                if (text == null) {
                    continue;
                }
                try {
                    out.add(ChangeOperation.valueOf(text));
                } catch (IllegalArgumentException e) {
                    add(line(item), FORMAT, "unknown operation '" + text + "' in " + name
                            + " (INSERT, UPDATE, DELETE)");
                }
            }
            return out;
        }

        /** Items of a sequence node; reports a node that is not a sequence and returns none. */
        private List<Node> items(Node node, String what) {
            if (node instanceof SequenceNode seq) {
                return seq.getValue();
            }
            add(line(node), FORMAT, what + " must be a list");
            return List.of();
        }

        private List<AlertRule> alerts(Map<String, NodeTuple> elements) {
            NodeTuple tuple = elements.get("alerts");
            if (tuple == null) {
                return List.of();
            }
            List<AlertRule> out = new ArrayList<>();
            for (Node item : items(tuple.getValueNode(), "'alerts'")) {
                AlertRule rule = alert(item);
                if (rule != null) {
                    out.add(rule);
                }
            }
            return out;
        }

        private AlertRule alert(Node node) {
            int line = line(node);
            if (!(node instanceof MappingNode mapping)) {
                add(line, FORMAT, "an alert rule is {errorType, count, window, action}");
                return null;
            }
            List<String> names = List.of("errorType", "count", "window", "action");
            Map<String, NodeTuple> rule = elements(mapping, names, "alert element", null);
            boolean ok = true;
            for (String required : names) {
                if (!rule.containsKey(required)) {
                    add(line, FORMAT, "alert rule without '" + required + "'");
                    ok = false;
                }
            }
            ErrorType errorType = enumValue(rule, "errorType", ErrorType.class);
            Action action = enumValue(rule, "action", Action.class);
            Integer count = null;
            String countText = text(rule, "count");
            if (countText != null) {
                try {
                    count = Integer.parseInt(countText);
                } catch (NumberFormatException e) {
                    count = null;
                }
                if (count == null || count < 1) {
                    add(line(rule.get("count").getValueNode()), FORMAT,
                            "alert count '" + countText + "' must be a whole number of at least 1");
                    count = null;
                }
            }
            Duration window = null;
            String windowText = text(rule, "window");
            if (windowText != null) {
                try {
                    window = Duration.parse(windowText);
                } catch (DateTimeParseException e) {
                    window = null;
                }
                if (window == null || window.isNegative() || window.isZero()) {
                    add(line(rule.get("window").getValueNode()), FORMAT, "alert window '" + windowText
                            + "' must be a positive ISO-8601 duration, e.g. PT15M");
                    window = null;
                }
            }
            if (!ok || errorType == null || action == null || count == null || window == null) {
                return null;
            }
            return new AlertRule(errorType, count, window, action);
        }

        private <E extends Enum<E>> E enumValue(Map<String, NodeTuple> elements, String name, Class<E> type) {
            String text = text(elements, name);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                add(line(elements.get(name).getValueNode()), FORMAT, "unknown alert " + name + " '" + text + "' ("
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + ")");
                return null;
            }
        }

        // ---- company ---------------------------------------------------------------------------------------------

        private CompanyStriping company(Map<String, NodeTuple> elements, Side source, Side target,
                                        Map<String, Integer> targetWriters) {
            NodeTuple tuple = elements.get("company");
            if (tuple == null) {
                return null;
            }
            Node node = tuple.getValueNode();
            if (!(node instanceof MappingNode mapping)) {
                add(line(node), FORMAT, "company is {source, target, legalEntities}");
                return null;
            }
            Map<String, NodeTuple> parts = elements(mapping, List.of("source", "target", "legalEntities"),
                    "element", "company");
            boolean ok = true;
            for (String required : List.of("source", "target")) {
                if (!parts.containsKey(required)) {
                    add(line(node), FORMAT, "company without '" + required + "'");
                    ok = false;
                }
            }
            FieldPath sourcePath = null;
            String sourceText = text(parts, "source");
            if (sourceText != null) {
                int line = line(parts.get("source").getValueNode());
                sourcePath = path(sourceText, line, "company source");
                if (sourcePath != null && source != null) {
                    checkPath(Which.SOURCE, source, sourcePath, line, false);
                }
            }
            String targetField = text(parts, "target");
            if (targetField != null && target != null) {
                int line = line(parts.get("target").getValueNode());
                DataEntityDefinition def = target.definition();
                if (!def.fields().contains(targetField)) {
                    add(line, UNKNOWN_TARGET, "unknown target field: '" + targetField + "' is not a field of "
                            + target.entity() + " (company target: a field of the target entity itself)");
                } else if (def.readOnly().contains(targetField)) {
                    add(line, READ_ONLY, "company target '" + targetField + "' is a read-only field of "
                            + target.entity());
                }
                targetWriters.put(targetField, line);
            }
            List<String> legalEntities = new ArrayList<>();
            NodeTuple le = parts.get("legalEntities");
            if (le != null) {
                for (Node item : items(le.getValueNode(), "company legalEntities")) {
                    String entity = scalar(item, "a legal entity");
                    if (entity != null) {
                        legalEntities.add(entity);
                    }
                }
            }
            if (!ok || sourcePath == null || targetField == null) {
                return null;
            }
            return new CompanyStriping(sourcePath, targetField, legalEntities);
        }

        // ---- fields ----------------------------------------------------------------------------------------------

        private List<Draft> fields(Map<String, NodeTuple> elements, Side source, Side target,
                                   Map<String, Integer> targetWriters, Map<String, Integer> sourceWriters) {
            NodeTuple tuple = elements.get("fields");
            if (tuple == null) {
                fieldsComplete = false;
                return List.of();
            }
            Node node = tuple.getValueNode();
            List<Node> items = items(node, "'fields'");
            if (node instanceof SequenceNode && items.isEmpty()) {
                add(line(node), FORMAT, "'fields' lists no field mapping");
            }
            List<Draft> drafts = new ArrayList<>();
            boolean ok = node instanceof SequenceNode;
            for (Node item : items) {
                Draft draft = draft(item);
                if (draft == null) {
                    ok = false;
                    continue;
                }
                drafts.add(draft);
                check(draft, source, target, targetWriters, sourceWriters);
            }
            fieldsComplete = ok;
            return drafts;
        }

        /** Reads the short form {@code "a > b"} or the long form {@code {map, default, valueMap}}. */
        private Draft draft(Node node) {
            int line = line(node);
            if (node instanceof ScalarNode) {
                String text = scalar(node, "a field mapping");
                return text == null ? null : parseMapping(text, line, null, Map.of());
            }
            if (!(node instanceof MappingNode mapping)) {
                add(line, FORMAT, "a field mapping is \"<source> <direction> <target>\" or {map, default, valueMap}");
                return null;
            }
            Map<String, NodeTuple> parts = elements(mapping, List.of("map", "default", "valueMap"),
                    "field mapping element", null);
            if (!parts.containsKey("map")) {
                add(line, FORMAT, "field mapping without 'map'");
                return null;
            }
            String text = text(parts, "map");
            if (text == null) {
                return null;
            }
            String defaultValue = null;
            NodeTuple defaultTuple = parts.get("default");
            if (defaultTuple != null) {
                if (defaultTuple.getValueNode() instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                    defaultValue = s.getValue();
                } else if (!(defaultTuple.getValueNode() instanceof ScalarNode)) {
                    add(line(defaultTuple.getValueNode()), FORMAT, "'default' must be a single value");
                    return null;
                }
            }
            Draft draft = parseMapping(text, line, defaultValue, Map.of());
            NodeTuple valueMapTuple = parts.get("valueMap");
            if (valueMapTuple == null) {
                return draft;
            }
            Map<String, String> valueMap = new LinkedHashMap<>();
            boolean reverse = draft != null && draft.direction().reverse();
            if (!valueMap(valueMapTuple.getValueNode(), text, reverse, valueMap) || draft == null) {
                return null;
            }
            return new Draft(draft.source(), draft.direction(), draft.target(), defaultValue, valueMap, line);
        }

        /**
         * DIPV1029 for a value listed twice, and for a target value listed twice when the mapping flows back
         * ({@code reverse}: the inverted map would be ambiguous); fills {@code out}; false on a format problem.
         */
        private boolean valueMap(Node node, String mapping, boolean reverse, Map<String, String> out) {
            if (!(node instanceof MappingNode entries)) {
                add(line(node), FORMAT, "'valueMap' must be a mapping of source value: target value");
                return false;
            }
            boolean ok = true;
            Map<String, Integer> keyLines = new HashMap<>();
            Map<String, Integer> valueLines = new HashMap<>();
            for (NodeTuple entry : entries.getValue()) {
                int line = line(entry.getKeyNode());
                if (!(entry.getKeyNode() instanceof ScalarNode k) || Tag.NULL.equals(k.getTag())
                        || !(entry.getValueNode() instanceof ScalarNode v) || Tag.NULL.equals(v.getTag())) {
                    add(line, FORMAT, "a value map entry is a value and the value it maps to");
                    ok = false;
                    continue;
                }
                Integer first = keyLines.putIfAbsent(k.getValue(), line);
                if (first != null) {
                    add(line, DUPLICATE_VALUE, "value map of '" + mapping + "' lists '" + k.getValue()
                            + "' twice (first on line " + first + ")");
                    continue;
                }
                Integer firstValue = valueLines.putIfAbsent(v.getValue(), line);
                if (firstValue != null && reverse) {
                    add(line, DUPLICATE_VALUE, "value map of '" + mapping + "' lists '" + v.getValue()
                            + "' twice as a target value (first on line " + firstValue
                            + "); the write-back direction could not invert it");
                }
                out.put(k.getValue(), v.getValue());
            }
            return ok;
        }

        private Draft parseMapping(String text, int line, String defaultValue, Map<String, String> valueMap) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 3) {
                add(line, FORMAT, "a field mapping is '<source> <direction> <target>', not '" + text + "'");
                return null;
            }
            Direction direction = switch (parts[1]) {
                case ">" -> Direction.TO_TARGET;
                case "<" -> Direction.TO_SOURCE;
                case "=" -> Direction.BOTH;
                default -> null;
            };
            if (direction == null) {
                add(line, FORMAT, "unknown direction '" + parts[1] + "' in '" + text + "' (>, < or =)");
            }
            FieldPath source = NONE.equals(parts[0]) ? null : path(parts[0], line, "source");
            FieldPath target = NONE.equals(parts[2]) ? null : path(parts[2], line, "target");
            if (direction == null || (source == null && !NONE.equals(parts[0]))
                    || (target == null && !NONE.equals(parts[2]))) {
                return null;
            }
            if (source == null && target == null) {
                add(line, FORMAT, "'" + text + "' maps none to none");
                return null;
            }
            if ((direction.forward() && target == null) || (direction.reverse() && source == null)) {
                add(line, FORMAT, "'" + text + "': 'none' cannot receive values (direction "
                        + direction.symbol() + ")");
                return null;
            }
            return new Draft(source, direction, target, defaultValue, valueMap, line);
        }

        private FieldPath path(String text, int line, String what) {
            FieldPath path = FieldPath.parse(text);
            for (String segment : path.segments()) {
                if (!FIELD.matcher(segment).matches()) {
                    add(line, FORMAT, "bad " + what + " field path '" + text
                            + "': field names separated by dots, e.g. msdyn_project.msdyn_projectnumber");
                    return null;
                }
            }
            return path;
        }

        /** Per-mapping rules: DIPV1031, fields and paths, DIPV1011, DIPV1026, DIPV1023. */
        private void check(Draft d, Side source, Side target, Map<String, Integer> targetWriters,
                           Map<String, Integer> sourceWriters) {
            int line = d.line();
            Direction dir = d.direction();
            if ((d.source() == null || d.target() == null) && d.defaultValue() == null) {
                add(line, NO_DEFAULT, "'" + d.text() + "' maps from none and needs a default");
            }
            boolean sourceOk = d.source() == null || source == null
                    || checkPath(Which.SOURCE, source, d.source(), line, dir.reverse());
            boolean targetOk = d.target() == null || target == null
                    || checkPath(Which.TARGET, target, d.target(), line, dir.forward());
            if (dir.forward() && d.target() != null) {
                String field = d.target().head();
                if (targetOk && target != null && target.definition().readOnly().contains(field)) {
                    add(line, READ_ONLY, "'" + d.text() + "' writes '" + field + "', a read-only field of "
                            + target.entity());
                }
                Integer first = targetWriters.putIfAbsent(field, line);
                if (first != null) {
                    add(line, DUPLICATE_TARGET, "target field '" + field + "' is written twice (also on line "
                            + first + ")");
                }
            }
            if (dir.reverse() && d.source() != null) {
                String field = d.source().head();
                if (sourceOk && source != null && source.definition().readOnly().contains(field)) {
                    add(line, READ_ONLY, "'" + d.text() + "' writes back '" + field + "', a read-only field of "
                            + source.entity());
                }
                Integer first = sourceWriters.putIfAbsent(field, line);
                if (first != null) {
                    add(line, DUPLICATE_SOURCE, "source field '" + field + "' is written back twice (also on line "
                            + first + ")");
                }
            }
        }

        /**
         * DIPV1021/DIPV1024 for unknown fields, TDM-LOOKUP for a segment that is not a lookup and for a receiving
         * path that is not {@code lookup.key}.
         *
         * @param receiving whether the mapping writes this side (its path is then resolved by key, not read)
         * @return whether the path is valid
         */
        private boolean checkPath(Which which, Side side, FieldPath path, int line, boolean receiving) {
            DataEntityDefinition entity = side.definition();
            List<String> segments = path.segments();
            String in = path.isLookup() ? " (in '" + path + "')" : "";
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (!entity.fields().contains(segment)) {
                    add(line, which.unknownRule, "unknown " + which.label + " field: '" + segment
                            + "' is not a field of " + entity.name() + in);
                    return false;
                }
                if (i == segments.size() - 1) {
                    break;
                }
                String referenced = entity.lookups().get(segment);
                if (referenced == null) {
                    add(line, LOOKUP, "'" + segment + "' is not a lookup field of " + entity.name()
                            + ", so '" + path + "' cannot follow it");
                    return false;
                }
                DataEntityDefinition next = entitiesByApp.get(side.app()).get(referenced);
                if (next == null) {
                    add(line, which.unknownRule, "unknown " + which.label + " entity: '" + referenced
                            + "' (referenced by " + entity.name() + "." + segment + ") is not an entity of "
                            + side.app());
                    return false;
                }
                entity = next;
            }
            if (receiving && path.isLookup()) {
                String last = segments.get(segments.size() - 1);
                if (segments.size() > 2) {
                    add(line, LOOKUP, "'" + path + "' is written through more than one lookup; a written path is "
                            + "<lookup field>.<key of the referenced entity>");
                    return false;
                }
                if (!entity.isKey(last)) {
                    add(line, LOOKUP, "'" + last + "' is not a key of " + entity.name() + ", so '" + path
                            + "' cannot find the row to refer to (keys: " + keys(entity) + ")");
                    return false;
                }
            }
            return true;
        }

        // ---- key -------------------------------------------------------------------------------------------------

        private List<KeyField> key(Map<String, NodeTuple> elements) {
            NodeTuple tuple = elements.get("key");
            if (tuple == null) {
                add(rootLine, NO_KEY, "the map has no key: list the target fields that identify a row, "
                        + "e.g. key: [actualid]");
                return null;
            }
            Node node = tuple.getValueNode();
            if (!(node instanceof SequenceNode seq)) {
                add(line(node), FORMAT, "'key' must be a list of target fields, e.g. [actualid]");
                return null;
            }
            if (seq.getValue().isEmpty()) {
                add(line(node), NO_KEY, "the key lists no field");
                return null;
            }
            List<KeyField> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            boolean ok = true;
            for (Node item : seq.getValue()) {
                String name = scalar(item, "a key field");
                if (name == null) {
                    ok = false;
                } else if (!seen.add(name)) {
                    add(line(item), FORMAT, "the key lists '" + name + "' twice");
                } else {
                    out.add(new KeyField(name, line(item)));
                }
            }
            return ok ? out : null;
        }

        /** DIPV1003, DIPV1014, DIPV1015, DIPV1004 and DIPV1024 for the key fields. */
        private void checkKey(List<KeyField> key, List<Draft> drafts, CompanyStriping company, Side source,
                              Side target) {
            String companyField = company == null ? null : company.target();
            Set<String> keyNames = key.stream().map(KeyField::name).collect(Collectors.toSet());
            Draft writeBack = drafts.stream()
                    .filter(d -> d.direction().reverse() && d.source() != null
                            && !keyNames.contains(d.target() == null ? "" : d.target().head()))
                    .findFirst().orElse(null);
            List<KeyField> own = key.stream().filter(k -> !k.name().equals(companyField)).toList();
            int keyLine = own.isEmpty() ? key.get(0).line() : own.get(0).line();
            if (own.isEmpty()) {
                add(keyLine, NO_KEY, "the key has no field besides the company field '" + companyField + "'");
            } else if (own.size() > 1) {
                add(keyLine, NO_KEY, "the key has " + own.size() + " fields besides the company field ("
                        + own.stream().map(KeyField::name).collect(Collectors.joining(", "))
                        + "); the runtime matches rows by exactly one");
            }
            if (target == null) {
                return;
            }
            DataEntityDefinition targetDef = target.definition();
            for (KeyField k : own) {
                String name = k.name();
                if (!targetDef.fields().contains(name)) {
                    add(k.line(), UNKNOWN_TARGET, "unknown target field: '" + name + "' is not a field of "
                            + target.entity() + " (in key)");
                    continue;
                }
                Draft mapping = drafts.stream()
                        .filter(d -> d.direction().forward() && d.source() != null && d.target() != null
                                && d.target().head().equals(name))
                        .findFirst().orElse(null);
                if (mapping == null) {
                    if (!fieldsComplete) {
                        continue; // it may be mapped by a line that could not be read, which is reported
                    }
                    add(k.line(), KEY_NOT_MAPPED, "key field '" + name + "' is not mapped towards the target: "
                            + "it needs a mapping '<source field> = " + name + "' (or '>')");
                    continue;
                }
                if (mapping.source().isLookup() || mapping.target().isLookup()) {
                    add(mapping.line(), KEY_NOT_MAPPED, "key field '" + name + "' must be mapped field to field, "
                            + "without lookups: '" + mapping.text() + "'");
                    continue;
                }
                if (!targetDef.isKey(name)) {
                    add(k.line(), NOT_A_KEY, "key field '" + name + "' is not a key of " + target.entity()
                            + " (keys: " + keys(targetDef) + ")");
                }
                if (writeBack != null) {
                    if (mapping.direction() != Direction.BOTH) {
                        add(mapping.line(), KEY_NOT_BIDIRECTIONAL, "key field '" + name + "' must be mapped '=' "
                                + "because the map writes back (line " + writeBack.line() + "): '"
                                + mapping.text() + "'");
                    } else if (source != null && source.definition().fields().contains(mapping.source().head())
                            && !source.definition().isKey(mapping.source().head())) {
                        add(mapping.line(), NOT_A_KEY, "'" + mapping.source().head() + "', mapped to key field '"
                                + name + "', is not a key of " + source.entity() + " (keys: "
                                + keys(source.definition()) + "); the map writes back (line " + writeBack.line()
                                + ") and needs it to find the source row");
                    }
                }
            }
        }

        private String keys(DataEntityDefinition entity) {
            List<String> keys = new ArrayList<>();
            keys.add(entity.integrationKey());
            keys.addAll(entity.alternateKeys());
            return String.join(", ", keys);
        }

        // ---- helpers ---------------------------------------------------------------------------------------------

        private void add(int line, String rule, String message) {
            problems.add(new MapProblem(file, line, rule, message));
        }

        private int line(Node node) {
            return node.getStartMark() == null ? rootLine : node.getStartMark().getLine() + 1;
        }

        private String oneLine(String text) {
            return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
        }
    }
}
