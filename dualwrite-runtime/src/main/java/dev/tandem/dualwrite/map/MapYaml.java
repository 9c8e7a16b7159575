package dev.tandem.dualwrite.map;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The YAML of one map file with its line marks (SnakeYAML's node tree): composes the file, reports its syntax errors,
 * and reads elements, single values and lists, each with its 1-based line. What it refuses is TDM-FORMAT: a value
 * where a list belongs, an unknown or repeated element name, an empty value. It knows nothing of the rules of table
 * maps ({@link MapRules} does).
 */
final class MapYaml {

    private final MapProblems problems;
    private int rootLine = 1;

    MapYaml(MapProblems problems) {
        this.problems = problems;
    }

    /**
     * The document's root node, or {@code null} (reported) when the file is not YAML or holds nothing. Duplicate keys
     * are let through: {@link #elements} reports them with their lines.
     */
    Node compose(String yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            options.setAllowRecursiveKeys(false);
            // A map is a few kilobytes: no alias expands a small file into a large one, and 1 Mi code points at
            // most (the API's limit of a YAML body, docs/api.md "Limits").
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(1024 * 1024);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                what = what + " (" + e.getContext() + ")";
            }
            problems.add(mark == null ? 1 : mark.getLine() + 1, TableMapLoader.FORMAT, "YAML syntax: " + oneLine(what));
            return null;
        } catch (YAMLException e) {
            problems.add(1, TableMapLoader.FORMAT, "YAML: " + oneLine(e.getMessage()));
            return null;
        }
        if (root == null) {
            problems.add(1, TableMapLoader.FORMAT, "the file holds no table map");
            return null;
        }
        rootLine = line(root);
        return root;
    }

    /** Line of the document's root: where problems of the whole map (a missing element) are reported. */
    int rootLine() {
        return rootLine;
    }

    /** Line of an element's value. */
    int line(Map<String, NodeTuple> elements, String name) {
        return line(elements.get(name).getValueNode());
    }

    /**
     * The entries of a mapping node by name, reporting non-text names, names outside {@code allowed} and names
     * given twice (TDM-FORMAT; the first occurrence is kept).
     */
    Map<String, NodeTuple> elements(MappingNode node, List<String> allowed, String what, String within) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        String suffix = within == null ? "" : " of " + within;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.add(line(keyNode), TableMapLoader.FORMAT, what + " names" + suffix + " are plain text");
                continue;
            }
            String key = scalar.getValue();
            if (!allowed.contains(key)) {
                problems.add(line(keyNode), TableMapLoader.FORMAT, "unknown " + what + " '" + key + "'" + suffix + " (known: "
                        + String.join(", ", allowed) + ")");
            } else if (out.containsKey(key)) {
                problems.add(line(keyNode), TableMapLoader.FORMAT, what + " '" + key + "'" + suffix + " is given twice (first on line "
                        + line(out.get(key).getKeyNode()) + ")");
            } else {
                out.put(key, tuple);
            }
        }
        return out;
    }

    /** Text of a scalar element, or null (reported) when it is not a scalar with a value; null when absent. */
    String text(Map<String, NodeTuple> elements, String name) {
        NodeTuple tuple = elements.get(name);
        return tuple == null ? null : scalar(tuple.getValueNode(), "'" + name + "'");
    }

    String scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) && !s.getValue().isBlank()) {
            return s.getValue();
        }
        problems.add(line(node), TableMapLoader.FORMAT, what + (node instanceof ScalarNode ? " has no value" : " must be a single value"));
        return null;
    }

    /** Items of a sequence node; reports a node that is not a sequence and returns none. */
    List<Node> items(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.add(line(node), TableMapLoader.FORMAT, what + " must be a list");
        return List.of();
    }

    int line(Node node) {
        return node.getStartMark() == null ? rootLine : node.getStartMark().getLine() + 1;
    }

    String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
