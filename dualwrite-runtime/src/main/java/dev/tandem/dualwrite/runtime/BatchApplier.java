package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.capture.ChangeRecorder;
import dev.tandem.dualwrite.map.AlertRule.ErrorType;
import dev.tandem.dualwrite.map.Lookups;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.SyncApp;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns source changes into target rows through a map leg, and applies them to the target in one transaction with
 * the inbox bookkeeping that makes applying idempotent by (map, batch) and undoable (DESIGN §3).
 */
final class BatchApplier {

    /** Marks a delete in {@code dw_inbox_image.applied}. */
    private static final String DELETED = "{\"$deleted\":true}";

    /** A source change mapped to a target row. */
    record Row(SourceChange change, ChangeOperation operation, Map<String, Object> target, String key) {
    }

    /** A source change that could not be mapped (lookup, value map, missing key). */
    record Failure(SourceChange change, ErrorType type, String message) {
    }

    /** One batch of one leg, mapped. */
    record Prepared(MapLeg leg, UUID batchId, List<Row> rows, List<Failure> failures) {
    }

    /**
     * A row of {@code dw_inbox_image}: what a batch found and wrote for one key.
     *
     * @param beforeImage the row before, JSON; JSON {@code null} when it did not exist
     * @param applied     the row written, JSON, or {@link #DELETED}
     */
    private record InboxImage(String mapId, UUID batchId, int position, String entity, String key, String beforeImage,
                              String applied) {
    }

    /** Maps the net effect of a batch's changes through the leg; changes the filter or striping drop vanish. */
    Prepared prepare(MapLeg leg, UUID batchId, List<SourceChange> changes, Lookups from, Lookups to) {
        List<SourceChange> net = SourceChange.netEffect(changes);
        List<Map<String, Object>> images = net.stream().map(SourceChange::row).toList();
        Set<Map<String, Object>> passing = Collections.newSetFromMap(new IdentityHashMap<>());
        passing.addAll(leg.passing(images, from));
        List<SourceChange> kept = net.stream().filter(c -> passing.contains(c.row())).toList();
        List<MapLeg.Mapped> mapped = leg.transform(kept.stream().map(SourceChange::row).toList(), from, to);
        List<Row> rows = new ArrayList<>(kept.size());
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            SourceChange change = kept.get(i);
            MapLeg.Mapped m = mapped.get(i);
            if (!m.ok()) {
                failures.add(new Failure(change, m.errorType(), m.problem()));
                continue;
            }
            Object key = m.row().get(leg.toKeyField());
            if (key == null) {
                failures.add(new Failure(change, ErrorType.LOOKUP, "Map " + leg.map().id() + ": " + change.entity()
                        + " " + change.key() + " has no value for the integration key " + leg.toKeyField()));
                continue;
            }
            rows.add(new Row(change, change.operation(), m.row(), key.toString()));
        }
        return new Prepared(leg, batchId, rows, failures);
    }

    /**
     * Applies prepared batches to the target app in one transaction, parents first, recording each (map, batch)
     * in the inbox; a (map, batch) already there is skipped. Changes the target records meanwhile carry
     * {@code sourceApp} as origin, so no leg sends them back.
     *
     * @param inDoubt IN_DOUBT for live sync (the source has not committed yet), else CONFIRMED
     * @return rows written
     * @throws RuntimeException whatever the target's entities throw; nothing of the transaction stays
     */
    int apply(SyncApp target, String sourceApp, List<Prepared> batches, boolean inDoubt) {
        List<Prepared> ordered = new ArrayList<>(batches);
        ordered.sort(Comparator.comparingInt(p -> target.order(p.leg().toEntity())));
        return ChangeRecorder.withOrigin(sourceApp, () -> target.inTransaction(() -> {
            int written = 0;
            for (Prepared p : ordered) {
                written += applyOne(target, sourceApp, p, inDoubt);
            }
            return written;
        }));
    }

    private int applyOne(SyncApp target, String sourceApp, Prepared p, boolean inDoubt) {
        String mapId = p.leg().map().id();
        Integer seen = target.jdbc().queryForObject("SELECT COUNT(*) FROM dw_inbox WHERE map_id = ? AND batch_id = ?",
                Integer.class, mapId, p.batchId());
        if (seen != null && seen > 0) {
            return 0;
        }
        DataEntity entity = target.entity(p.leg().toEntity()).orElseThrow();
        String keyField = p.leg().toKeyField();
        Map<String, Map<String, Object>> before = new HashMap<>();
        List<String> keys = p.rows().stream().map(Row::key).distinct().toList();
        for (Map<String, Object> row : entity.read(keyField, keys)) {
            before.put(String.valueOf(row.get(keyField)), row);
        }
        List<Map<String, Object>> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        List<InboxImage> images = new ArrayList<>();
        for (Row row : p.rows()) {
            Map<String, Object> old = before.get(row.key());
            if (row.operation() == ChangeOperation.DELETE) {
                if (old != null) {
                    deletes.add(row.key());
                    images.add(image(p, images.size(), row.key(), old, DELETED));
                }
            } else if (!Values.sameFields(old, row.target())) {
                upserts.add(row.target());
                images.add(image(p, images.size(), row.key(), old, Json.write(row.target())));
            }
        }
        if (!upserts.isEmpty()) {
            entity.upsert(keyField, upserts);
        }
        if (!deletes.isEmpty()) {
            entity.delete(keyField, deletes);
        }
        Timestamp now = Timestamp.from(target.context().clock().instant());
        target.jdbc().update("INSERT INTO dw_inbox (map_id, batch_id, source_app, status, applied_at) VALUES (?, ?, ?, ?,"
                + " ?)", mapId, p.batchId(), sourceApp, (inDoubt ? InboxStatus.IN_DOUBT : InboxStatus.CONFIRMED)
                .stored(), now);
        target.jdbc().batchUpdate("INSERT INTO dw_inbox_image (map_id, batch_id, position, entity, key_value, "
                + "before_image, applied) VALUES (?, ?, ?, ?, ?, ?, ?)", images, 1000, (ps, img) -> {
                    ps.setString(1, img.mapId());
                    ps.setObject(2, img.batchId());
                    ps.setInt(3, img.position());
                    ps.setString(4, img.entity());
                    ps.setString(5, img.key());
                    ps.setString(6, img.beforeImage());
                    ps.setString(7, img.applied());
                });
        return upserts.size() + deletes.size();
    }

    private static InboxImage image(Prepared p, int position, String key, Map<String, Object> before,
                                    String applied) {
        return new InboxImage(p.leg().map().id(), p.batchId(), position, p.leg().toEntity(), key, Json.write(before),
                applied);
    }

    /** Marks a live batch confirmed: its source committed. */
    void confirm(SyncApp target, String mapId, UUID batchId) {
        target.inTransaction(() -> target.jdbc().update("UPDATE dw_inbox SET status = ?, resolved_at = ? WHERE map_id = "
                + "? AND batch_id = ? AND status = ?", InboxStatus.CONFIRMED.stored(),
                Timestamp.from(target.context().clock().instant()), mapId, batchId, InboxStatus.IN_DOUBT.stored()));
    }

    /**
     * Undoes a batch whose source never committed: each row it changed goes back to its before-image, last change
     * first, unless someone changed the row since (then it is left and reported). Restores are changes coming from
     * {@code sourceApp}, so they are not sent back there.
     *
     * @return one message per row that could not be undone because it changed since
     */
    List<String> undo(SyncApp target, MapLeg leg, UUID batchId, String sourceApp) {
        String mapId = leg.map().id();
        return ChangeRecorder.withOrigin(sourceApp, () -> target.inTransaction(() -> {
            List<String> conflicts = new ArrayList<>();
            String status = target.jdbc().query("SELECT status FROM dw_inbox WHERE map_id = ? AND batch_id = ? FOR "
                    + "UPDATE", (rs, i) -> rs.getString(1), mapId, batchId).stream().findFirst().orElse(null);
            if (!"IN_DOUBT".equals(status)) {
                return conflicts;
            }
            DataEntity entity = target.entity(leg.toEntity()).orElseThrow();
            String integrationKey = entity.definition().integrationKey();
            List<InboxImage> images = target.jdbc().query("SELECT position, key_value, before_image, applied FROM "
                    + "dw_inbox_image WHERE map_id = ? AND batch_id = ? ORDER BY position DESC", (rs, i) ->
                    new InboxImage(mapId, batchId, rs.getInt(1), leg.toEntity(), rs.getString(2), rs.getString(3),
                            rs.getString(4)), mapId, batchId);
            for (InboxImage img : images) {
                String key = img.key();
                Map<String, Object> before = Json.read(img.beforeImage());
                boolean deleted = DELETED.equals(img.applied());
                Map<String, Object> current = entity.read(leg.toKeyField(), List.of(key)).stream().findFirst()
                        .orElse(null);
                boolean untouched = deleted ? current == null : Values.sameFields(current, Json.read(img.applied()));
                if (!untouched) {
                    conflicts.add(leg.toEntity() + " " + key + " changed after batch " + batchId + " was applied; "
                            + "it was left as it is");
                    continue;
                }
                Object keyValue = before != null ? before.get(integrationKey)
                        : current == null ? null : current.get(integrationKey);
                if (keyValue != null) {
                    entity.restore(keyValue, before);
                }
            }
            target.jdbc().update("UPDATE dw_inbox SET status = 'UNDONE', resolved_at = ? WHERE map_id = ? AND "
                    + "batch_id = ?", Timestamp.from(target.context().clock().instant()), mapId, batchId);
            return conflicts;
        }));
    }
}
