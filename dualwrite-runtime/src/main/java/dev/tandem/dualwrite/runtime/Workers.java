package dev.tandem.dualwrite.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a fresh virtual thread. The runtime never opens a transaction of one app on a thread that is inside
 * a transaction of the other: Spring's transaction synchronization is per thread, so the two would share it. Every
 * target transaction and every write to the runtime's home tables therefore runs here.
 */
final class Workers {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** Runs work on a worker and waits; its exception is rethrown as is. */
    <T> T call(Callable<T> work) {
        return await(executor.submit(work), null);
    }

    /** Runs work without waiting for it. */
    void submit(Runnable work) {
        executor.submit(work);
    }

    /**
     * Runs work on a worker and waits at most {@code timeout}.
     *
     * @throws TimeoutException when the time is up; the work goes on, the caller decides what that means
     */
    <T> T call(Callable<T> work, Duration timeout) throws TimeoutException {
        Future<T> future = executor.submit(work);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the target", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static <T> T await(Future<T> future, Object unused) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
