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

    /** Marks a delete in {@code dw_inbox_image.applied} (inbox images written before 0.4). */
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
     * What a live batch found and wrote for one key, so an undo can put it back: one element of the batch's undo
     * document ({@code dw_inbox.undo_images}, a JSON array of {@code {"key", "before", "applied"}} objects).
     *
     * @param before  the row before (JSON types once read back); {@code null} when it did not exist
     * @param applied the row written; {@code null} for a delete
     */
    private record UndoImage(String key, Map<String, Object> before, Map<String, Object> applied) {

        Map<String, Object> document() {
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            d.put("key", key);
            d.put("before", before);
            d.put("applied", applied);
            return d;
        }

        @SuppressWarnings("unchecked")
        static UndoImage of(Map<String, Object> d) {
            return new UndoImage(String.valueOf(d.get("key")), (Map<String, Object>) d.get("before"),
                    (Map<String, Object>) d.get("applied"));
        }
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
     * What the target's inbox keeps of an applied batch.
     */
    enum Inbox {
        /** Live sync: one IN_DOUBT row with the batch's undo images, until its source's outcome is known. */
        LIVE,
        /** A queued batch: one CONFIRMED row, so a replay of the same (map, batch) does nothing. */
        QUEUED,
        /** A batch under a fresh id (initial sync, a retry), which nothing replays: no row. */
        NONE
    }

    /**
     * Applies prepared batches to the target app in one transaction, parents first, recording each (map, batch)
     * in the inbox as {@code inbox} says; a (map, batch) already there is skipped. Changes the target records
     * meanwhile carry {@code sourceApp} as origin, so no leg sends them back.
     *
     * @return rows written
     * @throws RuntimeException whatever the target's entities throw; nothing of the transaction stays
     */
    int apply(SyncApp target, String sourceApp, List<Prepared> batches, Inbox inbox) {
        List<Prepared> ordered = new ArrayList<>(batches);
        ordered.sort(Comparator.comparingInt(p -> target.order(p.leg().toEntity())));
        return ChangeRecorder.withOrigin(sourceApp, () -> target.inTransaction(() -> {
            int written = 0;
            for (Prepared p : ordered) {
                written += applyOne(target, sourceApp, p, inbox);
            }
            return written;
        }));
    }

    /**
     * Applies one (map, batch) and records it in the inbox: one {@code dw_inbox} row, holding for a live batch
     * the undo images of every row it changed as one document; a queued batch is never undone and keeps none. A
     * live batch that changed nothing leaves no inbox row: there is nothing to undo, and a live batch is never
     * replayed.
     */
    private int applyOne(SyncApp target, String sourceApp, Prepared p, Inbox inbox) {
        String mapId = p.leg().map().id();
        boolean inDoubt = inbox == Inbox.LIVE;
        if (inbox == Inbox.QUEUED) {
            Integer seen = target.jdbc().queryForObject("SELECT COUNT(*) FROM dw_inbox WHERE map_id = ? AND "
                    + "batch_id = ?", Integer.class, mapId, p.batchId());
            if (seen != null && seen > 0) {
                return 0;
            }
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
        List<Map<String, Object>> undo = new ArrayList<>();
        for (Row row : p.rows()) {
            Map<String, Object> old = before.get(row.key());
            if (row.operation() == ChangeOperation.DELETE) {
                if (old != null) {
                    deletes.add(row.key());
                    if (inDoubt) {
                        undo.add(new UndoImage(row.key(), old, null).document());
                    }
                }
            } else if (!Values.sameFields(old, row.target())) {
                upserts.add(row.target());
                if (inDoubt) {
                    undo.add(new UndoImage(row.key(), old, row.target()).document());
                }
            }
        }
        if (!upserts.isEmpty()) {
            entity.upsert(keyField, upserts);
        }
        if (!deletes.isEmpty()) {
            entity.delete(keyField, deletes);
        }
        if (inbox == Inbox.NONE || inDoubt && undo.isEmpty()) {
            return upserts.size() + deletes.size();
        }
        Timestamp now = Timestamp.from(target.context().clock().instant());
        target.jdbc().update("INSERT INTO dw_inbox (map_id, batch_id, source_app, status, applied_at, undo_images) "
                + "VALUES (?, ?, ?, ?, ?, ?)", mapId, p.batchId(), sourceApp, (inDoubt ? InboxStatus.IN_DOUBT
                : InboxStatus.CONFIRMED).stored(), now, inDoubt ? Json.writeAll(undo) : null);
        return upserts.size() + deletes.size();
    }

    /** A live batch whose source committed, in the target and source it went between. */
    record Confirmation(SyncApp target, SyncApp source, String mapId, UUID batchId) {
    }

    /**
     * Confirms live batches whose source committed: their inbox rows (with the undo images) are deleted in the
     * target, then their delivery rows in the source. In that order: a delivery row is what tells the resolver
     * that a batch still in doubt must be kept, so it goes only once no inbox row can ask. A crash between the two
     * leaves a delivery row that {@link OutboxRetention} deletes later. All confirmations must share one target
     * and one source.
     */
    void confirm(SyncApp target, SyncApp source, List<Confirmation> batches) {
        if (batches.isEmpty()) {
            return;
        }
        target.inTransaction(() -> target.jdbc().batchUpdate("DELETE FROM dw_inbox WHERE map_id = ? AND batch_id = ? "
                + "AND status = ?", batches, 500, (ps, c) -> {
                    ps.setString(1, c.mapId());
                    ps.setObject(2, c.batchId());
                    ps.setString(3, InboxStatus.IN_DOUBT.stored());
                }));
        source.inTransaction(() -> source.jdbc().batchUpdate("DELETE FROM dw_delivery WHERE map_id = ? AND batch_id = ?",
                batches, 500, (ps, c) -> {
                    ps.setString(1, c.mapId());
                    ps.setObject(2, c.batchId());
                }));
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
            List<UndoImage> images = undoImages(target, mapId, batchId);
            for (UndoImage img : images.reversed()) {
                String key = img.key();
                Map<String, Object> before = img.before();
                boolean deleted = img.applied() == null;
                Map<String, Object> current = entity.read(leg.toKeyField(), List.of(key)).stream().findFirst()
                        .orElse(null);
                boolean untouched = deleted ? current == null : Values.sameFields(current, img.applied());
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
            target.jdbc().update("DELETE FROM dw_inbox_image WHERE map_id = ? AND batch_id = ?", mapId, batchId);
            // The row stays, UNDONE, as the record of what the resolver did; its images have served.
            target.jdbc().update("UPDATE dw_inbox SET status = 'UNDONE', resolved_at = ?, undo_images = NULL WHERE "
                    + "map_id = ? AND batch_id = ?", Timestamp.from(target.context().clock().instant()), mapId, batchId);
            return conflicts;
        }));
    }

    /** A batch's undo images in the order applied: its document, or the rows of a batch applied before 0.4. */
    private static List<UndoImage> undoImages(SyncApp target, String mapId, UUID batchId) {
        String document = target.jdbc().query("SELECT undo_images FROM dw_inbox WHERE map_id = ? AND batch_id = ?",
                (rs, i) -> rs.getString(1), mapId, batchId).stream().findFirst().orElse(null);
        if (document != null) {
            return Json.readAll(document).stream().map(UndoImage::of).toList();
        }
        return target.jdbc().query("SELECT key_value, before_image, applied FROM dw_inbox_image WHERE map_id = ? AND "
                + "batch_id = ? ORDER BY position", (rs, i) -> new UndoImage(rs.getString(1), Json.read(rs.getString(2)),
                DELETED.equals(rs.getString(3)) ? null : Json.read(rs.getString(3))), mapId, batchId);
    }
}
