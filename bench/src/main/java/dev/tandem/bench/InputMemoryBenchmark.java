package dev.tandem.bench;

import dev.tandem.monthend.input.InputFolder;
import dev.tandem.monthend.input.RunInput;
import dev.tandem.monthend.sample.SampleFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark (not a test) of issue 13's input folder: what {@code tandem run} holds of a generated folder of N time
 * rows ({@link SampleFolder}, fixed seed) while the month end runs. Reads the folder ({@link InputFolder#read}) and
 * measures, side by side in one JVM, the heap retained after a full GC (a) by the checked input as the run holds it
 * (time rows summed up, read again when loaded) and (b) by the same input plus its time rows held as a list, which is
 * what the run held before; and the wall time of the check and of one reading again in chunks of 1,000 rows. Prints a
 * Markdown table for BENCHMARKS.md. Heap figures come from {@link Runtime} after {@code System.gc()}, so they are
 * approximate (±2 MB).
 */
public final class InputMemoryBenchmark {

    private InputMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        Path folder = Files.createTempDirectory("tandem-input-bench");
        try {
            SampleFolder.write(folder.resolve("sample"), rows, SampleFolder.DEFAULT_SEED);
            long base = retained();
            long t0 = System.nanoTime();
            InputFolder.Result result = InputFolder.read(folder.resolve("sample"), SampleFolder.AS_OF);
            long checkMs = (System.nanoTime() - t0) / 1_000_000;
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("the sample has problems: " + result.problems().getFirst());
            }
            RunInput input = result.input();
            long held = retained() - base;
            long t1 = System.nanoTime();
            long[] seen = {0};
            input.time().forEachChunk(1_000, chunk -> seen[0] += chunk.size());
            long rereadMs = (System.nanoTime() - t1) / 1_000_000;
            List<RunInput.WorkRow> asList = input.time().toList();
            long heldAsList = retained() - base;
            System.out.printf(Locale.ROOT, "| time rows | check (ms) | read again in chunks (ms) | heap held by the input "
                    + "(MB) | … with the time rows as a list, as before (MB) | ratio |%n");
            System.out.printf(Locale.ROOT, "|---:|---:|---:|---:|---:|---:|%n");
            System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %.1f | %.1f | %.0f× |%n", seen[0], checkMs, rereadMs,
                    mb(held), mb(heldAsList), (double) heldAsList / Math.max(1, held));
            if (asList.size() != input.time().size() || seen[0] != input.time().size()) {
                throw new IllegalStateException("read " + seen[0] + " and " + asList.size() + " rows of "
                        + input.time().size());
            }
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long retained() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
