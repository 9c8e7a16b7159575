package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of delivered outbox rows (DESIGN §2, the runtime owns outbox retention; the idea of Spring Modulith's
 * {@code deleteCompletedPublicationsOlderThan}). A change's outbox row is delivered when its batch reached every map
 * that took it: a live delivery ({@code dw_delivery}) or a queue row DELIVERED, and no queue row of the batch still
 * QUEUED, RETRY or FAILED. A change the runtime applied itself (its origin set) counts as delivered: it came from
 * that app, and no leg sends it back there (loop prevention). Delivered rows recorded longer than {@link DualWriteSettings#outboxRetention()} ago are
 * deleted; any other row stays, however old (undelivered changes never expire, DESIGN §3).
 */
final class OutboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

    /** How often the poller purges at most. */
    static final Duration EVERY = Duration.ofHours(1);

    private static final String PURGE = """
            DELETE FROM dw_outbox o
            WHERE o.recorded_at < ?
              AND (o.origin IS NOT NULL
                   OR EXISTS (SELECT 1 FROM dw_delivery d WHERE d.batch_id = o.batch_id)
                   OR EXISTS (SELECT 1 FROM dw_queue q WHERE q.batch_id = o.batch_id AND q.status = ?))
              AND NOT EXISTS (SELECT 1 FROM dw_queue q WHERE q.batch_id = o.batch_id AND q.status IN (?, ?, ?))""";

    private final SyncApps apps;
    private final DualWriteSettings settings;
    private volatile Instant lastPurge = Instant.MIN;

    OutboxRetention(SyncApps apps, DualWriteSettings settings) {
        this.apps = apps;
        this.settings = settings;
    }

    /** Purges when the last purge is at least {@link #EVERY} ago. */
    void purgeIfDue(Instant now) {
        if (!now.isBefore(lastPurge.plus(EVERY))) {
            purge(now);
        }
    }

    /** Deletes delivered outbox rows older than the retention in every app's database; returns rows deleted. */
    int purge(Instant now) {
        lastPurge = now;
        Timestamp cutoff = Timestamp.from(now.minus(settings.outboxRetention()));
        int deleted = 0;
        for (SyncApp app : apps.all()) {
            int n = app.inTransaction(() -> app.jdbc().update(PURGE, cutoff, QueueStatus.DELIVERED.stored(),
                    QueueStatus.QUEUED.stored(), QueueStatus.RETRY.stored(), QueueStatus.FAILED.stored()));
            if (n > 0) {
                LOG.info("{}: {} delivered outbox rows older than {} deleted", app.name(), n,
                        settings.outboxRetention());
            }
            deleted += n;
        }
        return deleted;
    }
}
