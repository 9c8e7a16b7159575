package dev.tandem.dualwrite.map;

/**
 * One problem of a table map file: where it is and which rule it breaks.
 *
 * @param file    file name as given to the loader, e.g. {@code maps/msdyn_actuals.yaml}
 * @param line    1-based line of the offending element (the map's first line when it has none)
 * @param rule    rule code, e.g. {@code DIPV1021} (see {@code docs/dual-write.md})
 * @param message what is wrong, naming the field or value
 */
public record MapProblem(String file, int line, String rule, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + rule + " " + message;
    }
}
