package dev.tandem.server.run;

import dev.tandem.monthend.sample.SampleFolder;
import dev.tandem.server.TandemVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tandem sample --time-rows N [--seed S] <folder>}: writes a generated, realistic input folder for
 * {@code tandem run} ({@link SampleFolder}: 200 people, 45 contracts with split billing, not-to-exceed limits and
 * milestones, N time rows of April 2025 in the three tracker formats), to try the month end at scale. Opens no
 * database. Exit code 0, or 1 when the folder is not empty or cannot be written.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = TandemVersion.class,
        description = {"Write a generated input folder for `tandem run` (docs/run.md): 200 people, 45 contracts,",
                "N time rows of April 2025 in the Clockify, Harvest and Toggl formats, expenses and ECB rates.",
                "Run it with: tandem run <folder> --as-of 2025-04-30"})
public final class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "Where to write (created; must be empty).")
    private Path folder;

    @Option(names = "--time-rows", paramLabel = "<N>", required = true,
            description = "Time rows over the three tracker exports.")
    private int timeRows;

    @Option(names = "--seed", paramLabel = "<S>",
            description = "Seed of the random draws; the same seed writes the same files (default: "
                    + SampleFolder.DEFAULT_SEED + ").")
    private long seed = SampleFolder.DEFAULT_SEED;

    @Override
    public Integer call() {
        SampleFolder.Written written = SampleFolder.write(folder, timeRows, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Wrote %s: %,d time rows, %,d expenses, %d people, %d customers, %d projects, "
                + "%d contracts.%n", written.folder(), written.timeRows(), written.expenses(), written.people(),
                written.customers(), written.projects(), written.contracts());
        out.printf(Locale.ROOT, "Run the month end with: tandem run %s --as-of %s%n", written.folder(),
                SampleFolder.AS_OF);
        out.flush();
        return 0;
    }
}
