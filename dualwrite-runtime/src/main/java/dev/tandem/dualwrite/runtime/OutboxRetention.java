package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the sync bookkeeping that has served (DESIGN §2, the runtime owns outbox retention; the idea of Spring
 * Modulith's {@code deleteCompletedPublicationsOlderThan}). Live sync deletes its own bookkeeping as soon as a batch
 * is confirmed ({@link Confirmations}); what is left for this purge, in every app's database:
 * <ul>
 *   <li><b>outbox rows</b> ({@code dw_outbox}) recorded longer than {@link DualWriteSettings#outboxRetention()} ago
 *       whose batch no queue still needs: no queue row of the batch is QUEUED, RETRY or FAILED (undelivered changes
 *       never expire, DESIGN §3; a FAILED batch keeps its rows while its queue entry is listed);</li>
 *   <li><b>queue rows</b> ({@code dw_queue}) DELIVERED or DISCARDED longer than the retention ago (a discarded
 *       change stays in {@code dw_discarded});</li>
 *   <li><b>inbox rows of queued batches</b> (CONFIRMED) older than the retention whose source queue row is no longer
 *       QUEUED or on the retry list: no drain can replay them any more;</li>
 *   <li><b>delivery rows</b> ({@code dw_delivery}) older than {@link DualWriteSettings#inDoubtAfter()} whose batch
 *       the target no longer holds in doubt: what a crash between a confirmation's two deletes left.</li>
 * </ul>
 * It runs from the runtime's poller every {@link #EVERY} and on {@link DualWriteRuntime#purgeOutbox()}.
 */
final class OutboxRetention {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

    /** How often the poller purges at most. */
    static final Duration EVERY = Duration.ofMinutes(10);

    /** Ids per look-up in the other app's database. */
    private static final int CHUNK = 500;

    private static final String PURGE_OUTBOX = """
            DELETE FROM dw_outbox o
            WHERE o.recorded_at < ?
              AND NOT EXISTS (SELECT 1 FROM dw_queue q WHERE q.batch_id = o.batch_id AND q.status IN (?, ?, ?))""";

    private static final String PURGE_QUEUE = "DELETE FROM dw_queue WHERE status IN (?, ?) AND resolved_at < ?";

    private final SyncApps apps;
    private final MapRegistry maps;
    private final DualWriteSettings settings;
    private volatile Instant lastPurge = Instant.MIN;

    OutboxRetention(SyncApps apps, MapRegistry maps, DualWriteSettings settings) {
        this.apps = apps;
        this.maps = maps;
        this.settings = settings;
    }

    /** Purges when the last purge is at least {@link #EVERY} ago. */
    void purgeIfDue(Instant now) {
        if (!now.isBefore(lastPurge.plus(EVERY))) {
            purge(now);
        }
    }

    /**
     * Deletes the bookkeeping that has served in every app's database.
     *
     * @return outbox rows deleted (the other rows deleted are logged)
     */
    int purge(Instant now) {
        lastPurge = now;
        Timestamp cutoff = Timestamp.from(now.minus(settings.outboxRetention()));
        int deleted = 0;
        for (SyncApp app : apps.all()) {
            int outbox = app.inTransaction(() -> app.jdbc().update(PURGE_OUTBOX, cutoff, QueueStatus.QUEUED.stored(),
                    QueueStatus.RETRY.stored(), QueueStatus.FAILED.stored()));
            int queue = app.inTransaction(() -> app.jdbc().update(PURGE_QUEUE, QueueStatus.DELIVERED.stored(),
                    QueueStatus.DISCARDED.stored(), cutoff));
            if (outbox + queue > 0) {
                LOG.info("{}: {} outbox rows and {} queue rows that have served deleted", app.name(), outbox, queue);
            }
            deleted += outbox;
        }
        for (MapRuntime m : maps.all()) {
            for (MapLeg leg : m.legs) {
                SyncApp source = apps.find(leg.fromApp());
                SyncApp target = apps.find(leg.toApp());
                if (source != null && target != null) {
                    purgeQueuedInbox(m.id(), source, target, cutoff);
                    purgeDeliveries(m.id(), source, target, Timestamp.from(now.minus(settings.inDoubtAfter())));
                }
            }
        }
        return deleted;
    }

    /** CONFIRMED inbox rows of a map's queued batches that no drain can replay any more. */
    private void purgeQueuedInbox(String mapId, SyncApp source, SyncApp target, Timestamp cutoff) {
        List<UUID> batches = target.jdbc().queryForList("SELECT batch_id FROM dw_inbox WHERE map_id = ? AND source_app "
                + "= ? AND status = ? AND applied_at < ?", UUID.class, mapId, source.name(),
                InboxStatus.CONFIRMED.stored(), cutoff);
        List<UUID> served = without(batches, source, "SELECT batch_id FROM dw_queue WHERE map_id = ? AND status IN "
                + "(?, ?) AND batch_id IN (:in)", mapId, QueueStatus.QUEUED.stored(), QueueStatus.RETRY.stored());
        int n = delete(target, "DELETE FROM dw_inbox WHERE map_id = ? AND status = ? AND batch_id = ?", served, mapId,
                InboxStatus.CONFIRMED.stored());
        if (n > 0) {
            LOG.info("{}: {} inbox rows of delivered queued batches of map {} deleted", target.name(), n, mapId);
        }
    }

    /** Delivery rows of a map whose batch the target no longer holds in doubt. */
    private void purgeDeliveries(String mapId, SyncApp source, SyncApp target, Timestamp before) {
        List<UUID> batches = source.jdbc().queryForList("SELECT batch_id FROM dw_delivery WHERE map_id = ? AND "
                + "delivered_at < ?", UUID.class, mapId, before);
        List<UUID> served = without(batches, target, "SELECT batch_id FROM dw_inbox WHERE map_id = ? AND status = ? "
                + "AND batch_id IN (:in)", mapId, InboxStatus.IN_DOUBT.stored());
        int n = delete(source, "DELETE FROM dw_delivery WHERE map_id = ? AND batch_id = ?", served, mapId);
        if (n > 0) {
            LOG.info("{}: {} delivery rows of confirmed batches of map {} deleted", source.name(), n, mapId);
        }
    }

    /** The batches minus those {@code sql} (with an IN list) finds in {@code other}'s database. */
    private static List<UUID> without(List<UUID> batches, SyncApp other, String sql, Object... leadingArgs) {
        if (batches.isEmpty()) {
            return batches;
        }
        Set<UUID> kept = new HashSet<>();
        for (int from = 0; from < batches.size(); from += CHUNK) {
            List<UUID> chunk = batches.subList(from, Math.min(batches.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(leadingArgs));
            args.addAll(chunk);
            kept.addAll(other.jdbc().queryForList(sql.replace(":in", AppContext.placeholders(chunk)), UUID.class,
                    args.toArray()));
        }
        return batches.stream().filter(b -> !kept.contains(b)).toList();
    }

    private static int delete(SyncApp app, String sql, List<UUID> batches, Object... leadingArgs) {
        if (batches.isEmpty()) {
            return 0;
        }
        return app.inTransaction(() -> {
            int[][] counts = app.jdbc().batchUpdate(sql, batches, CHUNK, (ps, batchId) -> {
                for (int i = 0; i < leadingArgs.length; i++) {
                    ps.setObject(i + 1, leadingArgs[i]);
                }
                ps.setObject(leadingArgs.length + 1, batchId);
            });
            int n = 0;
            for (int[] chunk : counts) {
                for (int c : chunk) {
                    n += Math.max(c, 0);
                }
            }
            return n;
        });
    }
}
