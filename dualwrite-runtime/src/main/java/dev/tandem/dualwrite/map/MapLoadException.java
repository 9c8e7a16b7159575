package dev.tandem.dualwrite.map;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import java.util.List;
import java.util.Map;

/**
 * One or more table map files are not valid ({@link DualWriteError#MAP_INVALID}). The detail lists every problem,
 * one per line after a heading, e.g.
 * <pre>
 * Table map maps/msdyn_actuals.yaml is not valid:
 * maps/msdyn_actuals.yaml:14: DIPV1021 unknown source field: 'msdyn_amonut' is not a field of msdyn_actuals
 * </pre>
 * The property {@code problems} holds the same lines as a list of strings.
 */
public class MapLoadException extends TandemException {

    private final List<MapProblem> problems;

    /**
     * A refusal of one file.
     *
     * @param file     the file as given to the loader, e.g. {@code maps/msdyn_actuals.yaml}
     * @param problems its problems, at least one
     */
    public MapLoadException(String file, List<MapProblem> problems) {
        this(problems, "Table map " + file + " is not valid:");
    }

    private MapLoadException(List<MapProblem> problems, String heading) {
        super(DualWriteError.MAP_INVALID, detail(heading, problems),
                Map.of("problems", problems.stream().map(MapProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /**
     * A refusal of a directory of maps: problems of several files.
     *
     * @param directory the directory as named in messages, e.g. {@code maps}
     * @param problems  problems of all its files, at least one
     */
    public static MapLoadException ofDirectory(String directory, List<MapProblem> problems) {
        long files = problems.stream().map(MapProblem::file).distinct().count();
        String heading = files == 1
                ? "Table map " + problems.get(0).file() + " is not valid:"
                : "Table maps in " + directory + " are not valid (" + files + " files):";
        return new MapLoadException(problems, heading);
    }

    /** Every problem found, in file and line order. */
    public List<MapProblem> problems() {
        return problems;
    }

    private static String detail(String heading, List<MapProblem> problems) {
        StringBuilder sb = new StringBuilder(heading);
        for (MapProblem p : problems) {
            sb.append('\n').append(p);
        }
        return sb.toString();
    }
}
