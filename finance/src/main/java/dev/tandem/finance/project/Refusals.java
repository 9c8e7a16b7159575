package dev.tandem.finance.project;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The problems found in one delivery, refused together: the first problem's code, a message naming every refused row
 * (up to ten) with the rule it breaks, and the property {@code rows} listing their keys. This is what the Project
 * Operations user reads when live sync refuses (DESIGN §3), so each sentence starts with the row ("Project P-404: …").
 */
final class Refusals {

    private static final int NAMED = 10;

    private record Problem(FinanceError code, String sentence, String row) {
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(FinanceError code, String row, String sentence) {
        problems.add(new Problem(code, sentence, row));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws TandemException when a problem was added; nothing has been written then */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.stream().limit(NAMED).map(Problem::sentence).collect(Collectors.joining(" "));
        if (problems.size() > NAMED) {
            detail += " (and " + (problems.size() - NAMED) + " more problems)";
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("rows", problems.stream().map(Problem::row).distinct().toList());
        props.put("problems", problems.size());
        throw new TandemException(problems.get(0).code(), "Nothing was written: " + detail, props);
    }
}
