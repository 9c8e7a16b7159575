package dev.tandem.dualwrite.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems found in one map file, each with its line and rule; what the reader and the checker report to. */
final class MapProblems {

    private final String file;
    private final List<MapProblem> problems = new ArrayList<>();

    MapProblems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, String rule, String message) {
        problems.add(new MapProblem(file, line, rule, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem, in line order (stable: problems of one line in the order found). */
    List<MapProblem> sorted() {
        List<MapProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(MapProblem::line));
        return List.copyOf(sorted);
    }
}
