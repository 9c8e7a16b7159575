package dev.tandem.monthend;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of the run's long steps, shown as a progress bar on the terminal (me.tongfei progressbar) or not at all.
 * The bar goes to stderr so stdout carries only the summary.
 */
public interface Progress {

    /** A step of {@code total} units; the work reports each unit done through the consumer's argument. */
    void step(String name, long total, Consumer<ProgressBar> work);

    /**
     * A step of {@code total} units that computes a result: as {@link #step}, returning what {@code work} returns.
     */
    default <T> T compute(String name, long total, Function<ProgressBar, T> work) {
        List<T> result = new ArrayList<>(1);
        step(name, total, bar -> result.add(work.apply(bar)));
        return result.getFirst();
    }

    /** Bars on {@code terminal}, redrawn at most 5 times a second, ASCII so that every terminal draws it. */
    static Progress bars(PrintStream terminal) {
        return (name, total, work) -> {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(total, 1))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(terminal)).setMaxRenderedLength(100)
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).showSpeed().build()) {
                // Drawn now, not at the next tick: a step shows its name the moment it starts, however short it is.
                bar.refresh();
                work.accept(bar);
                bar.stepTo(Math.max(total, 1));
            }
        };
    }

    /** No output (tests). */
    static Progress none() {
        return (name, total, work) -> {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(total, 1))
                    .setUpdateIntervalMillis((int) Duration.ofHours(1).toMillis())
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(PrintStream.nullOutputStream())))
                    .build()) {
                work.accept(bar);
            }
        };
    }
}
