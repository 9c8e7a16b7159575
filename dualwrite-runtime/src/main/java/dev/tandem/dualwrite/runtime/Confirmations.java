package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.runtime.BatchApplier.Confirmation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms live batches after their source committed, in the background and in bulk: one thread takes up to
 * {@link #CHUNK} confirmations at a time and deletes their inbox rows in the target and their delivery rows in the
 * source with one batched statement each ({@link BatchApplier#confirm}). The queue is bounded ({@link #CAPACITY}
 * batches, each an id and two app references, never the batch's rows), so memory stays flat however long the run:
 * a confirmation that does not fit, or fails, is not lost either, as its inbox row stays in doubt next to its
 * delivery row and the {@link InDoubtResolver} confirms it after {@link DualWriteSettings#inDoubtAfter()}.
 */
final class Confirmations {

    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

    /** Most confirmations waiting; beyond it the resolver confirms the rest. */
    static final int CAPACITY = 10_000;
    /** Most confirmations per pair of batched deletes. */
    static final int CHUNK = 500;

    private final BatchApplier applier;
    private final BlockingQueue<Confirmation> queue = new LinkedBlockingQueue<>(CAPACITY);
    /** Confirmations queued, and those written or given up, since the start (for {@link #awaitIdle}). */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private Thread drainer;
    private volatile boolean closed;

    Confirmations(BatchApplier applier) {
        this.applier = applier;
    }

    /** Starts the thread that writes confirmations; until then they only queue. */
    synchronized void start() {
        if (drainer == null && !closed) {
            drainer = Thread.ofVirtual().name("dual-write-confirmations").start(this::run);
        }
    }

    /** Queues the confirmation of a live batch whose source committed; never blocks, never throws. */
    void offer(Confirmation c) {
        if (!closed && queue.offer(c)) {
            queued.incrementAndGet();
        } else {
            LOG.debug("Table map {}: batch {} stays in doubt until the resolver confirms it", c.mapId(), c.batchId());
        }
    }

    private void run() {
        while (!closed) {
            try {
                Confirmation first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Confirmation> chunk = new ArrayList<>(List.of(first));
                    queue.drainTo(chunk, CHUNK - 1);
                    write(chunk);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(List<Confirmation> chunk) {
        try {
            Map<String, List<Confirmation>> byApps = new LinkedHashMap<>();
            for (Confirmation c : chunk) {
                byApps.computeIfAbsent(c.target().name() + "\u0000" + c.source().name(), k -> new ArrayList<>()).add(c);
            }
            for (List<Confirmation> same : byApps.values()) {
                try {
                    applier.confirm(same.get(0).target(), same.get(0).source(), same);
                } catch (RuntimeException e) {
                    LOG.warn("{} live batches from {} left in doubt in {}; the resolver confirms them from their "
                            + "delivery rows", same.size(), same.get(0).source().name(), same.get(0).target().name(), e);
                }
            }
        } finally {
            done.addAndGet(chunk.size());
        }
    }

    /** Waits until every queued confirmation was written (or failed), at most {@code timeout}; for tests. */
    boolean awaitIdle(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        long target = queued.get();
        while (done.get() < target) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Writes what is queued (best effort) and stops; what is left stays in doubt for the resolver. */
    synchronized void close() {
        closed = true;
        // Not interrupted: an interrupt inside H2's file I/O closes the embedded database. It sees closed within
        // one poll.
        try {
            if (drainer != null) {
                drainer.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Confirmation> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += CHUNK) {
            List<Confirmation> chunk = rest.subList(from, Math.min(rest.size(), from + CHUNK));
            write(chunk);
        }
    }
}
