package dev.tandem.server.operations;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waiting for what a server does in the background: polls until done or fails after a timeout. */
final class Await {

    /** Long enough for a background job on a loaded build machine, short enough to fail a hung test quickly. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Await() {
    }

    /**
     * Reads {@code probe} until {@code done} accepts the value, pausing briefly between reads; answers that value.
     *
     * @throws AssertionError naming {@code what} and the last value when {@link #TIMEOUT} passes first
     */
    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        return until(what, TIMEOUT, probe, done);
    }

    /**
     * Like {@link #until(String, Supplier, Predicate)}, for what takes several background steps, with its own
     * {@code timeout}.
     */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            value = probe.get();
        }
        return value;
    }
}
