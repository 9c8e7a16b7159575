package dev.tandem.dualwrite.spi;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;
import java.util.Map;

/**
 * The business rules of one entity that takes writes from dual-write: what the inbound pipeline
 * ({@link InboundPipeline}) calls after its own checks. An app implements one per writable entity and keeps here only
 * what is its own (Finance's refusals by legal entity or status, Project Operations' write-back rules); the key, the
 * fields, the column types and lengths, the naming of refused rows, unchanged rows and deletes are the pipeline's.
 *
 * <p>Every method runs inside the app's transaction of the call; a rule refuses by throwing a
 * {@link dev.tandem.common.TandemException} whose message names the row ({@link InboundRow#name}) and the rule, and
 * then nothing of the call is written.
 */
public interface InboundRule {

    /** How the entity's rows are named in refusals, e.g. "Actual", "Invoice proposal". */
    String noun();

    /**
     * How refusals name one delivered row; {@link #noun()} and the key by default ("Actual 0196…").
     *
     * @param delivered the row as delivered (JSON-shaped values)
     * @param key       its value of the key field, as delivered
     */
    default String rowName(Map<String, Object> delivered, Object key) {
        return noun() + " " + key;
    }

    /**
     * Whether rows may be written by {@code keyField}; any key of the entity by default. The pipeline refuses another
     * with an {@link IllegalArgumentException} (a table map that addresses the entity wrongly, not a user's row).
     */
    default boolean writesBy(DataEntityDefinition entity, String keyField) {
        return entity.isKey(keyField);
    }

    /**
     * The fields a delivered row may carry: every field but the entity's read-only ones by default. A field the entity
     * has outside this list is refused as read-only ({@link InboundRefusal.ReadOnlyField}).
     */
    default List<String> writable(DataEntityDefinition entity, String keyField) {
        return entity.fields().stream().filter(f -> !entity.readOnly().contains(f)).toList();
    }

    /**
     * The delivered row before the pipeline checks it, e.g. with a key composed from its fields; the row as it is by
     * default. Values are still JSON-shaped here.
     */
    default Map<String, Object> prepare(Map<String, Object> delivered) {
        return delivered;
    }

    /** Locks the rows of these keys (in their column types) before the pipeline reads them; nothing by default. */
    default void lock(String keyField, List<Object> keys) {
    }

    /**
     * Writes the delivered rows that are new or change their stored row, through the app's
     * {@link dev.tandem.dualwrite.entity.DataEntityWriter} (or the app's services, which use it), so each write reaches
     * the outbox. {@link InboundPipeline#write} writes inserts and updates with their audit fields.
     *
     * @param rows at least one row, in delivery order, one per key
     */
    void write(String keyField, List<InboundRow> rows);

    /**
     * Why the entity refuses deletes by sync, or {@code null} when it allows them (the pipeline then deletes the rows of
     * the keys through the writer). Refused by default: most rows are referred to once they have reached the other
     * app.
     */
    default String whyNoDeletes(DataEntityDefinition entity) {
        return "deleting " + entity.name() + " rows by sync isn't supported";
    }
}
