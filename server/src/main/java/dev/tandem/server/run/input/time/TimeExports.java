package dev.tandem.server.run.input.time;

import dev.tandem.server.run.input.InputProblem;
import dev.tandem.server.run.input.References;
import dev.tandem.server.run.input.RunInput.WorkRow;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the time-tracker exports of an input folder's {@code time/} directory: Harvest "detailed time", Toggl Track
 * "detailed" and Clockify "detailed" CSV, each detected from its header row (docs/input-format.md, "Time-tracker
 * exports").
 */
public final class TimeExports {

    private TimeExports() {
    }

    /**
     * Reads every {@code *.csv} of {@code folder/time} (sorted by name).
     *
     * @param folder             the input folder; problems name files relative to it ({@code time/x.csv})
     * @param references         projects and resources the rows must name
     * @param clockifyDateFormat {@code MM/DD/YYYY}, {@code DD/MM/YYYY} or null (then an ambiguous date is a problem)
     * @param problems           where every problem found is added; rows with a problem are not returned
     * @return the rows without problems, in file and line order, with their source keys
     */
    public static List<WorkRow> read(Path folder, References references, String clockifyDateFormat,
                                     List<InputProblem> problems) {
        throw new UnsupportedOperationException("built by the time-tracker readers");
    }
}
