package dev.tandem.dualwrite.entity;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.capture.ChangeRecorder;
import dev.tandem.dualwrite.capture.ChangeRecorder.Change;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one write path for data-entity rows: every insert, update and delete of a data entity's table goes through
 * here and records the full row image in the outbox in the same transaction (DESIGN §3). App code has no other SQL
 * that writes these tables; a test in each app checks that.
 *
 * <p>Bulk calls use JDBC batches (1,000 rows a batch), so approving 100,000 entries costs hundreds of round trips,
 * not hundreds of thousands.
 *
 * <p>Rows are written in one global order, {@link #LOCK_ORDER} of their integration keys, whatever order the caller
 * gives them in: two transactions that update overlapping rows of a table then lock them in the same order and
 * wait for each other instead of deadlocking (issue 14, finding 2: twenty clients marking overlapping actuals Ready
 * and Not ready, each list in its own order, got "Deadlock detected" on two calls in three).
 */
public final class DataEntityWriter {

    private static final int BATCH = 1000;

    /**
     * The order in which rows are locked: by the text of their integration key. Any total order works as long as
     * every writer uses the same one; the text is total for every key type the entities use (UUID, string).
     */
    public static final java.util.Comparator<Object> LOCK_ORDER = java.util.Comparator.comparing(String::valueOf);

    /** The distinct keys in {@link #LOCK_ORDER}. */
    static List<Object> inLockOrder(Collection<?> keys) {
        return keys.stream().<Object>map(k -> k).distinct().sorted(LOCK_ORDER).toList();
    }

    private final JdbcTemplate jdbc;
    private final ChangeRecorder recorder;

    public DataEntityWriter(JdbcTemplate jdbc, ChangeRecorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    /**
     * Inserts rows and records an INSERT change for each. Fields absent from a row are written as SQL NULL.
     *
     * @param rows full row images keyed by field name; each must carry the integration key
     * @throws IllegalStateException when no transaction is active
     * @throws IllegalArgumentException when a row names a field the entity does not have
     */
    public void insert(DataEntityDefinition entity, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ChangeRecorder.currentBatchId(); // fail before writing anything when there is no transaction
        rows.forEach(row -> check(entity, row)); // every row checked before the first is written
        String sql = "INSERT INTO " + entity.table() + " (" + String.join(", ", entity.fields()) + ") VALUES ("
                + entity.fields().stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        boolean recorded = recorder.records(entity.name(), ChangeOperation.INSERT);
        // Chunk by chunk: the images of one chunk exist at a time, and the recorder hands a big transaction's
        // changes over in parts as they come instead of receiving them all at once (issue 13).
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> images = rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
                    .map(row -> image(entity, row)).toList();
            jdbc.batchUpdate(sql, images, BATCH, (ps, image) -> bind(ps, entity.fields(), image, 1));
            if (recorded) {
                recorder.record(changes(entity, ChangeOperation.INSERT, images));
            }
        }
    }

    private static List<Change> changes(DataEntityDefinition entity, ChangeOperation operation,
                                        List<Map<String, Object>> images) {
        return images.stream().map(image -> new Change(entity.name(), key(entity, image), operation, image)).toList();
    }

    /**
     * Sets the same field values on the rows with the given keys and records an UPDATE change carrying each
     * row's full image after the update (read back only when some table map carries the entity's updates).
     *
     * @param keys   integration-key values of the rows to update
     * @param values field → new value; must not contain the integration key
     */
    public void update(DataEntityDefinition entity, Collection<?> keys, Map<String, Object> values) {
        if (keys.isEmpty()) {
            return;
        }
        ChangeRecorder.currentBatchId();
        List<String> fields = new ArrayList<>(values.keySet());
        fields.forEach(f -> requireField(entity, f));
        if (fields.contains(entity.integrationKey())) {
            throw new IllegalArgumentException(entity.name() + ": the integration key is immutable");
        }
        String sql = "UPDATE " + entity.table() + " SET "
                + fields.stream().map(f -> f + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + entity.integrationKey() + " = ?";
        List<Object> keyList = inLockOrder(keys);
        jdbc.batchUpdate(sql, keyList, BATCH, (ps, key) -> {
            int i = bind(ps, fields, values, 1);
            ps.setObject(i, key);
        });
        recordUpdates(entity, keyList);
    }

    /**
     * Sets per-row values: each key gets its own values, all rows the same set of fields. One JDBC batch, then an
     * UPDATE change with the full image of each row.
     *
     * @param valuesByKey integration key → field → new value; every inner map has the same fields
     */
    public void updateEach(DataEntityDefinition entity, Map<?, Map<String, Object>> valuesByKey) {
        if (valuesByKey.isEmpty()) {
            return;
        }
        ChangeRecorder.currentBatchId();
        List<String> fields = new ArrayList<>(valuesByKey.values().iterator().next().keySet());
        fields.forEach(f -> requireField(entity, f));
        if (fields.contains(entity.integrationKey())) {
            throw new IllegalArgumentException(entity.name() + ": the integration key is immutable");
        }
        for (Map<String, Object> values : valuesByKey.values()) {
            if (!values.keySet().equals(new java.util.HashSet<>(fields))) {
                throw new IllegalArgumentException(entity.name() + ": every row must set the same fields " + fields);
            }
        }
        String sql = "UPDATE " + entity.table() + " SET "
                + fields.stream().map(f -> f + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + entity.integrationKey() + " = ?";
        List<Map.Entry<?, Map<String, Object>>> rows = new ArrayList<>(valuesByKey.entrySet());
        rows.sort((a, b) -> LOCK_ORDER.compare(a.getKey(), b.getKey()));
        jdbc.batchUpdate(sql, rows, BATCH, (ps, row) -> {
            int i = bind(ps, fields, row.getValue(), 1);
            ps.setObject(i, row.getKey());
        });
        recordUpdates(entity, new ArrayList<>(valuesByKey.keySet()));
    }

    /**
     * Records an UPDATE change with the full image of each updated row, read back after the update 1,000 keys at a
     * time, each chunk recorded before the next is read: a proposal posting that writes back 100,000 staged actuals
     * holds 1,000 images and the recorder's part, not 100,000 images (issue 13, the out-of-heap of the million-row
     * month end). Reads nothing when no table map carries updates of the entity (the recorder would drop them).
     */
    private void recordUpdates(DataEntityDefinition entity, List<?> keys) {
        if (!recorder.records(entity.name(), ChangeOperation.UPDATE)) {
            return;
        }
        for (int from = 0; from < keys.size(); from += BATCH) {
            recorder.record(changes(entity, ChangeOperation.UPDATE,
                    readChunk(entity, keys.subList(from, Math.min(keys.size(), from + BATCH)))));
        }
    }

    /**
     * Reads full row images by integration key (queries of 1,000 keys), in no particular order. Holds them all:
     * for many keys, read a chunk at a time.
     */
    public List<Map<String, Object>> read(DataEntityDefinition entity, List<?> keys) {
        List<Map<String, Object>> rows = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += BATCH) {
            rows.addAll(readChunk(entity, keys.subList(from, Math.min(keys.size(), from + BATCH))));
        }
        return rows;
    }

    private List<Map<String, Object>> readChunk(DataEntityDefinition entity, List<?> chunk) {
        String sql = "SELECT " + String.join(", ", entity.fields()) + " FROM " + entity.table() + " WHERE "
                + entity.integrationKey() + " IN (" + chunk.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        return jdbc.query(sql, (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : entity.fields()) {
                row.put(field, normalise(rs.getObject(field)));
            }
            return row;
        }, chunk.toArray());
    }

    /** Deletes rows by key, recording a DELETE change with the last image of each row. */
    public void delete(DataEntityDefinition entity, Collection<?> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ChangeRecorder.currentBatchId();
        List<Object> keyList = inLockOrder(keys);
        boolean recorded = recorder.records(entity.name(), ChangeOperation.DELETE);
        for (int from = 0; from < keyList.size(); from += BATCH) {
            List<Object> chunk = keyList.subList(from, Math.min(keyList.size(), from + BATCH));
            List<Map<String, Object>> images = recorded ? readChunk(entity, chunk) : List.of();
            jdbc.batchUpdate("DELETE FROM " + entity.table() + " WHERE " + entity.integrationKey() + " = ?", chunk,
                    BATCH, (ps, key) -> ps.setObject(1, key));
            recorder.record(changes(entity, ChangeOperation.DELETE, images));
        }
    }

    /** @throws IllegalArgumentException when the row names a field the entity does not have, or has no key */
    private static void check(DataEntityDefinition entity, Map<String, Object> row) {
        row.keySet().forEach(f -> requireField(entity, f));
        if (row.get(entity.integrationKey()) == null) {
            throw new IllegalArgumentException(entity.name() + ": row has no " + entity.integrationKey());
        }
    }

    /** The row's full image, every field of the entity in its order; the row must have passed {@link #check}. */
    private static Map<String, Object> image(DataEntityDefinition entity, Map<String, Object> row) {
        Map<String, Object> image = new LinkedHashMap<>();
        for (String field : entity.fields()) {
            image.put(field, normalise(row.get(field)));
        }
        return image;
    }

    private static void requireField(DataEntityDefinition entity, String field) {
        if (!entity.fields().contains(field)) {
            throw new IllegalArgumentException(entity.name() + " has no field " + field);
        }
    }

    private static String key(DataEntityDefinition entity, Map<String, Object> image) {
        return String.valueOf(image.get(entity.integrationKey()));
    }

    private static int bind(PreparedStatement ps, List<String> fields, Map<String, Object> values, int start)
            throws SQLException {
        int i = start;
        for (String field : fields) {
            ps.setObject(i++, values.get(field));
        }
        return i;
    }

    /** Brings JDBC and caller values to one shape: timestamps as UTC {@link OffsetDateTime}. */
    private static Object normalise(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }
}
