package dev.tandem.dualwrite.map;

import static dev.tandem.dualwrite.map.TableMapLoader.BAD_FILTER;
import static dev.tandem.dualwrite.map.TableMapLoader.FORMAT;
import static dev.tandem.dualwrite.map.TableMapLoader.NO_KEY;

import dev.tandem.dualwrite.map.MapRules.Draft;
import dev.tandem.dualwrite.map.MapRules.KeyField;
import dev.tandem.dualwrite.map.MapRules.Side;
import dev.tandem.dualwrite.map.MapRules.Which;
import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.AlertRule.Action;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.TableMap.Master;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one table map file into a {@link TableMap}: the elements and their shapes (map, name, version, key, fields and
 * so on), through {@link MapYaml} for the YAML and its line marks, handing every rule to {@link MapRules}. Reports
 * every problem of the file, not only the first; one instance per file.
 */
final class MapFileReader {

    private static final List<String> ELEMENTS = List.of("map", "name", "version", "source", "target", "key",
            "master", "filter", "reverseFilter", "company", "operations", "reverseOperations", "alerts", "fields");
    private static final List<String> REQUIRED = List.of("map", "name", "version", "source", "target", "fields");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String NONE = "none";

    /** Outcome of reading one file: the map when there are no problems; the id (and its line) when readable. */
    record Parsed(TableMap map, String id, int idLine, List<MapProblem> problems) {
    }

    private final String file;
    private final MapProblems problems;
    private final MapYaml yaml;
    private final MapRules rules;
    /** Whether every field mapping could be read; if not, a key may be mapped by a line that could not. */
    private boolean fieldsComplete = true;

    MapFileReader(String file, Map<String, Map<String, DataEntityDefinition>> entitiesByApp) {
        this.file = file;
        this.problems = new MapProblems(file);
        this.yaml = new MapYaml(problems);
        this.rules = new MapRules(entitiesByApp, problems);
    }

    /** Reads and checks the file; {@link Parsed#map()} is set when it has no problem. */
    Parsed run(String text) {
        Node root = yaml.compose(text);
        if (root == null) {
            return done(null, null, 0);
        }
        int rootLine = yaml.rootLine();
        if (!(root instanceof MappingNode top)) {
            add(rootLine, FORMAT, "a table map is a mapping of elements (map, name, version, ...)");
            return done(null, null, 0);
        }
        Map<String, NodeTuple> elements = yaml.elements(top, ELEMENTS, "element", null);
        for (String required : REQUIRED) {
            if (!elements.containsKey(required)) {
                add(rootLine, FORMAT, "missing element '" + required + "'");
            }
        }

        String id = yaml.text(elements, "map");
        int idLine = elements.containsKey("map") ? yaml.line(elements.get("map").getValueNode()) : rootLine;
        if (id != null && !ID.matcher(id).matches()) {
            add(idLine, FORMAT, "map id '" + id + "' may only hold letters, digits, '_', '.' and '-'");
        }
        String name = yaml.text(elements, "name");
        String version = yaml.text(elements, "version");
        if (version != null && !VERSION.matcher(version).matches()) {
            add(yaml.line(elements.get("version").getValueNode()), FORMAT,
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
            rules.key(key, drafts, company, source, target, fieldsComplete);
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
        return new Parsed(map, id, idLine, problems.sorted());
    }

    private Master master(Map<String, NodeTuple> elements) {
        String text = yaml.text(elements, "master");
        if (text == null) {
            return Master.SOURCE;
        }
        return switch (text) {
            case "source" -> Master.SOURCE;
            case "target" -> Master.TARGET;
            default -> {
                add(yaml.line(elements.get("master").getValueNode()), FORMAT,
                        "master '" + text + "' must be source or target");
                yield Master.SOURCE;
            }
        };
    }

    /** DIPV1012: the filter parses and reads only fields of the entity itself. */
    private Filter filter(Map<String, NodeTuple> elements, String name, Side side, String sideLabel) {
        String text = yaml.text(elements, name);
        if (text == null) {
            return null;
        }
        int line = yaml.line(elements.get(name).getValueNode());
        ODataFilter filter;
        try {
            filter = ODataFilter.parse(text);
        } catch (IllegalArgumentException e) {
            add(line, BAD_FILTER, name + " does not parse: " + e.getMessage());
            return null;
        }
        if (side != null) {
            rules.filterFields(name, filter, side, sideLabel, line);
        }
        return filter;
    }

    private Set<ChangeOperation> operations(Map<String, NodeTuple> elements, String name) {
        NodeTuple tuple = elements.get(name);
        if (tuple == null) {
            return EnumSet.allOf(ChangeOperation.class);
        }
        Set<ChangeOperation> out = EnumSet.noneOf(ChangeOperation.class);
        for (Node item : yaml.items(tuple.getValueNode(), "'" + name + "'")) {
            String text = yaml.scalar(item, "an operation");
            if (text == null) {
                continue;
            }
            try {
                out.add(ChangeOperation.valueOf(text));
            } catch (IllegalArgumentException e) {
                add(yaml.line(item), FORMAT, "unknown operation '" + text + "' in " + name
                        + " (INSERT, UPDATE, DELETE)");
            }
        }
        return out;
    }

    private List<AlertRule> alerts(Map<String, NodeTuple> elements) {
        NodeTuple tuple = elements.get("alerts");
        if (tuple == null) {
            return List.of();
        }
        List<AlertRule> out = new ArrayList<>();
        for (Node item : yaml.items(tuple.getValueNode(), "'alerts'")) {
            AlertRule rule = alert(item);
            if (rule != null) {
                out.add(rule);
            }
        }
        return out;
    }

    private AlertRule alert(Node node) {
        int line = yaml.line(node);
        if (!(node instanceof MappingNode mapping)) {
            add(line, FORMAT, "an alert rule is {errorType, count, window, action}");
            return null;
        }
        List<String> names = List.of("errorType", "count", "window", "action");
        Map<String, NodeTuple> rule = yaml.elements(mapping, names, "alert element", null);
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
        String countText = yaml.text(rule, "count");
        if (countText != null) {
            try {
                count = Integer.parseInt(countText);
            } catch (NumberFormatException e) {
                count = null;
            }
            if (count == null || count < 1) {
                add(yaml.line(rule.get("count").getValueNode()), FORMAT,
                        "alert count '" + countText + "' must be a whole number of at least 1");
                count = null;
            }
        }
        Duration window = null;
        String windowText = yaml.text(rule, "window");
        if (windowText != null) {
            try {
                window = Duration.parse(windowText);
            } catch (DateTimeParseException e) {
                window = null;
            }
            if (window == null || window.isNegative() || window.isZero()) {
                add(yaml.line(rule.get("window").getValueNode()), FORMAT, "alert window '" + windowText
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
        String text = yaml.text(elements, name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            add(yaml.line(elements.get(name).getValueNode()), FORMAT, "unknown alert " + name + " '" + text + "' ("
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
            add(yaml.line(node), FORMAT, "company is {source, target, legalEntities}");
            return null;
        }
        Map<String, NodeTuple> parts = yaml.elements(mapping, List.of("source", "target", "legalEntities"),
                "element", "company");
        boolean ok = true;
        for (String required : List.of("source", "target")) {
            if (!parts.containsKey(required)) {
                add(yaml.line(node), FORMAT, "company without '" + required + "'");
                ok = false;
            }
        }
        FieldPath sourcePath = null;
        String sourceText = yaml.text(parts, "source");
        if (sourceText != null) {
            int line = yaml.line(parts.get("source").getValueNode());
            sourcePath = path(sourceText, line, "company source");
            if (sourcePath != null && source != null) {
                rules.path(Which.SOURCE, source, sourcePath, line, false);
            }
        }
        String targetField = yaml.text(parts, "target");
        if (targetField != null && target != null) {
            int line = yaml.line(parts.get("target").getValueNode());
            rules.companyTarget(targetField, target, line);
            targetWriters.put(targetField, line);
        }
        List<String> legalEntities = new ArrayList<>();
        NodeTuple le = parts.get("legalEntities");
        if (le != null) {
            for (Node item : yaml.items(le.getValueNode(), "company legalEntities")) {
                String entity = yaml.scalar(item, "a legal entity");
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
        List<Node> items = yaml.items(node, "'fields'");
        if (node instanceof SequenceNode && items.isEmpty()) {
            add(yaml.line(node), FORMAT, "'fields' lists no field mapping");
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
            rules.mapping(draft, source, target, targetWriters, sourceWriters);
        }
        fieldsComplete = ok;
        return drafts;
    }

    /** Reads the short form {@code "a > b"} or the long form {@code {map, default, valueMap}}. */
    private Draft draft(Node node) {
        int line = yaml.line(node);
        if (node instanceof ScalarNode) {
            String text = yaml.scalar(node, "a field mapping");
            return text == null ? null : parseMapping(text, line, null, Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            add(line, FORMAT, "a field mapping is \"<source> <direction> <target>\" or {map, default, valueMap}");
            return null;
        }
        Map<String, NodeTuple> parts = yaml.elements(mapping, List.of("map", "default", "valueMap"),
                "field mapping element", null);
        if (!parts.containsKey("map")) {
            add(line, FORMAT, "field mapping without 'map'");
            return null;
        }
        String text = yaml.text(parts, "map");
        if (text == null) {
            return null;
        }
        String defaultValue = null;
        NodeTuple defaultTuple = parts.get("default");
        if (defaultTuple != null) {
            if (defaultTuple.getValueNode() instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                defaultValue = s.getValue();
            } else if (!(defaultTuple.getValueNode() instanceof ScalarNode)) {
                add(yaml.line(defaultTuple.getValueNode()), FORMAT, "'default' must be a single value");
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
            add(yaml.line(node), FORMAT, "'valueMap' must be a mapping of source value: target value");
            return false;
        }
        boolean ok = true;
        Map<String, Integer> keyLines = new HashMap<>();
        Map<String, Integer> valueLines = new HashMap<>();
        for (NodeTuple entry : entries.getValue()) {
            int line = yaml.line(entry.getKeyNode());
            if (!(entry.getKeyNode() instanceof ScalarNode k) || Tag.NULL.equals(k.getTag())
                    || !(entry.getValueNode() instanceof ScalarNode v) || Tag.NULL.equals(v.getTag())) {
                add(line, FORMAT, "a value map entry is a value and the value it maps to");
                ok = false;
                continue;
            }
            if (!rules.valueListedOnce(mapping, k.getValue(), v.getValue(), reverse, line, keyLines, valueLines)) {
                continue;
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

    // ---- key -------------------------------------------------------------------------------------------------

    private List<KeyField> key(Map<String, NodeTuple> elements) {
        NodeTuple tuple = elements.get("key");
        if (tuple == null) {
            add(yaml.rootLine(), NO_KEY, "the map has no key: list the target fields that identify a row, "
                    + "e.g. key: [actualid]");
            return null;
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof SequenceNode seq)) {
            add(yaml.line(node), FORMAT, "'key' must be a list of target fields, e.g. [actualid]");
            return null;
        }
        if (seq.getValue().isEmpty()) {
            add(yaml.line(node), NO_KEY, "the key lists no field");
            return null;
        }
        List<KeyField> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            String name = yaml.scalar(item, "a key field");
            if (name == null) {
                ok = false;
            } else if (!seen.add(name)) {
                add(yaml.line(item), FORMAT, "the key lists '" + name + "' twice");
            } else {
                out.add(new KeyField(name, yaml.line(item)));
            }
        }
        return ok ? out : null;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** {@code source} / {@code target}: the text, resolved by the rules. */
    private Side side(Map<String, NodeTuple> elements, Which which) {
        String text = yaml.text(elements, which.label);
        return text == null ? null : rules.side(which, text, yaml.line(elements, which.label));
    }

    private void add(int line, String rule, String message) {
        problems.add(line, rule, message);
    }
}
