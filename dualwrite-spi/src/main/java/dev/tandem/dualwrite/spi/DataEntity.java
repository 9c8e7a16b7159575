package dev.tandem.dualwrite.spi;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.List;
import java.util.Map;

/**
 * What an app exposes of one data entity to the dual-write runtime (DESIGN §3): read by key, query in key order,
 * upsert and delete by key <em>with the app's own validation</em>, and a raw restore used only to undo a batch.
 * Change capture is not here: every write of the entity's rows goes through
 * {@link dev.tandem.dualwrite.entity.DataEntityWriter}, which records the change in the app's outbox.
 *
 * <p>Rows are field → value maps named as the {@link #definition()}. Values arrive in whatever shape the runtime
 * has them (JSON types from the outbox: strings for ids, dates and timestamps; numbers; booleans); an
 * implementation coerces them to its column types and refuses values that do not fit. Amounts are plain decimals
 * in the row's currency, as the entity stores them ({@code NUMERIC(19,6)}).
 *
 * <p>The runtime calls every method inside a transaction of the app ({@link SyncApp#inTransaction}); an
 * implementation must not start, commit or roll back one of its own.
 */
public interface DataEntity {

    /** Name, table, fields, keys and lookups of the entity. */
    DataEntityDefinition definition();

    /**
     * Rows whose {@code keyField} has one of the given values, in no particular order; values without a row are
     * left out.
     *
     * @param keyField the integration key or an alternate key of the definition
     * @throws IllegalArgumentException when {@code keyField} is not a key of the entity
     */
    List<Map<String, Object>> read(String keyField, List<?> keys);

    /**
     * Up to {@code limit} rows in ascending order of the integration key, starting after {@code afterKey}
     * ({@code null}: from the first row). Initial sync pages through an entity with it and checkpoints the last key.
     */
    List<Map<String, Object>> page(Object afterKey, int limit);

    /**
     * Inserts rows whose {@code keyField} value is new and updates the others, applying the app's validation. A
     * row carries the mapped fields only; fields it leaves out keep their value (update) or get the app's default
     * (insert). The whole call is refused when one row is refused.
     *
     * @param keyField the integration key or an alternate key of the definition
     * @throws dev.tandem.common.TandemException when the app refuses a row; its message is what the user of the
     *                                           source app sees (live sync) or what the error log keeps
     */
    void upsert(String keyField, List<Map<String, Object>> rows);

    /**
     * Deletes rows by key, applying the app's rules (an app may refuse to delete).
     *
     * @throws dev.tandem.common.TandemException when the app refuses
     */
    void delete(String keyField, List<?> keys);

    /**
     * Puts a row back to a full image taken before the runtime changed it, without the app's validation: the
     * in-doubt resolver undoes a batch whose source transaction never committed (DESIGN §3). {@code image == null}
     * deletes the row.
     *
     * @param keyValue value of the integration key
     * @param image    full row image as {@link #read} returned it, or {@code null} when the row did not exist
     */
    void restore(Object keyValue, Map<String, Object> image);
}
