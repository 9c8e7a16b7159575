package dev.tandem.monthend.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping of an input file whose keys are known: an unknown key (a typo) is {@code INVALID} and a key written
 * twice {@code DUPLICATE}, both at the key. Values are read as {@link Cell}s at their node's line and column; a
 * missing value is reported at the mapping's start.
 */
final class YamlMapping {

    private final String file;
    private final MappingNode node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final List<InputProblem> problems;

    YamlMapping(String file, MappingNode node, Set<String> keys, List<InputProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !keys.contains(key)) {
                problems.add(new InputProblem(file, YamlFile.line(keyNode), YamlFile.column(keyNode), "INVALID", key,
                        "unknown key \"" + key + "\"; expected one of " + String.join(", ", new TreeSet<>(keys))));
            } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                problems.add(new InputProblem(file, YamlFile.line(keyNode), YamlFile.column(keyNode), "DUPLICATE", key,
                        "key \"" + key + "\" is written twice"));
            }
        }
    }

    String file() {
        return file;
    }

    /** Where the mapping starts: the line of a row's {@link Source}. */
    Source source() {
        return new Source(file, YamlFile.line(node));
    }

    boolean has(String key) {
        Node value = values.get(key);
        return value != null && !isNull(value);
    }

    /** The value of {@code key} as a cell; a list or mapping there is {@code INVALID}. */
    Cell cell(String key) {
        Node value = values.get(key);
        if (value == null) {
            return Cell.of(file, YamlFile.line(node), YamlFile.column(node), key, null, problems);
        }
        return cell(value, key);
    }

    /** A scalar node as a cell named {@code name}; a list or mapping is {@code INVALID}. */
    Cell cell(Node value, String name) {
        if (value instanceof ScalarNode scalar) {
            return Cell.of(file, YamlFile.line(value), YamlFile.column(value), name,
                    isNull(scalar) ? null : scalar.getValue(), problems);
        }
        problems.add(new InputProblem(file, YamlFile.line(value), YamlFile.column(value), "INVALID", null,
                name + " must be a single value, not a list or mapping"));
        return Cell.reported(file, YamlFile.line(value), YamlFile.column(value), name, problems);
    }

    /**
     * {@code true} or {@code false}, exactly as written: YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off} are
     * {@code INVALID}, as nothing is guessed.
     *
     * @return the value, or {@code fallback} when the key is absent or the value invalid
     */
    boolean bool(String key, boolean required, boolean fallback) {
        Cell cell = cell(key);
        String text = required ? cell.required() : cell.text();
        if (text == null) {
            return fallback;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        cell.problem("INVALID", "\"" + text + "\" is not a valid " + key + "; write true or false");
        return fallback;
    }

    /** The mapping under {@code key}, or null when absent ({@code REQUIRED} if required) or not a mapping. */
    YamlMapping mapping(String key, Set<String> keys, boolean required) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            if (required) {
                cell(key).required();
            }
            return null;
        }
        return mapping(value, key, keys);
    }

    /** {@code value} as a mapping with {@code keys}, or null ({@code INVALID}) when it is not one. */
    YamlMapping mapping(Node value, String name, Set<String> keys) {
        if (value instanceof MappingNode mapping) {
            return new YamlMapping(file, mapping, keys, problems);
        }
        problem(value, name + " must be a mapping of keys and values");
        return null;
    }

    /**
     * The items of the list under {@code key}: empty when absent ({@code REQUIRED} if required and absent or empty),
     * or when not a list ({@code INVALID}).
     */
    List<Node> list(String key, boolean required) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            if (required) {
                cell(key).required();
            }
            return List.of();
        }
        if (value instanceof SequenceNode sequence) {
            if (required && sequence.getValue().isEmpty()) {
                problem(value, key + " must have at least one item");
            }
            return new ArrayList<>(sequence.getValue());
        }
        problem(value, key + " must be a list");
        return List.of();
    }

    /** The node of {@code key}, or null when absent. */
    Node node(String key) {
        return values.get(key);
    }

    /** An {@code INVALID} problem at {@code value}. */
    void problem(Node value, String message) {
        problems.add(new InputProblem(file, YamlFile.line(value), YamlFile.column(value), "INVALID", null, message));
    }

    private static boolean isNull(Node value) {
        return value instanceof ScalarNode scalar && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().isEmpty());
    }
}
