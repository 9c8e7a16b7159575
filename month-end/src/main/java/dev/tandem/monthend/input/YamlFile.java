package dev.tandem.monthend.input;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A YAML file of an input folder, read as SnakeYAML nodes (not as Java objects) so that every value keeps its line
 * and column for problems (docs/input-format.md: "For YAML both are those of the value in the file").
 */
final class YamlFile {

    private YamlFile() {
    }

    /**
     * The top-level mapping of {@code folder/file}, checked against {@code keys}.
     *
     * @return null when the file is missing, unreadable, not YAML or not a mapping (a problem is added)
     */
    static YamlMapping read(Path folder, String file, Set<String> keys, List<InputProblem> problems) {
        String text = InputFiles.read(folder, file, true, problems);
        if (text == null) {
            return null;
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new InputProblem(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "INVALID", null, file + " is not valid YAML: "
                    + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            problems.add(new InputProblem(file, 1, 1, "INVALID", null, file + " is not valid YAML: " + e.getMessage()));
            return null;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new InputProblem(file, root == null ? 1 : line(root), root == null ? 1 : column(root),
                    "INVALID", null, file + " must be a YAML mapping (key: value lines)"));
            return null;
        }
        return new YamlMapping(file, mapping, keys, problems);
    }

    /** The 1-based line where {@code node} starts. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The 1-based column where {@code node} starts. */
    static int column(Node node) {
        return node.getStartMark().getColumn() + 1;
    }
}
