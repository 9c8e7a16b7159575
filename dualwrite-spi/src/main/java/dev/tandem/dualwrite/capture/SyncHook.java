package dev.tandem.dualwrite.capture;

import java.util.List;
import java.util.UUID;

/**
 * Live sync's entry into an app's transactions: the dual-write runtime registers one per app, and the app's
 * {@link ChangeRecorder} calls it for every transaction that recorded changes.
 */
public interface SyncHook {

    /**
     * Called just before the source transaction commits, on its thread and inside it, with every change the
     * transaction recorded, in order. While a hook is set the recorder writes no outbox row itself: the hook writes
     * what its maps need (ChangeRecorder#writeOutbox for a queued map) in this same transaction. Throwing rolls the
     * source transaction back and the exception reaches the caller of the transaction (live sync: the target's
     * refusal is the user's error, dual-write R15).
     */
    void beforeCommit(UUID batchId, List<RecordedChange> changes);

    /**
     * Called inside a transaction that has recorded a part's worth of changes ({@link ChangeRecorder#setPartSize}),
     * on its thread, with those changes in order; the recorder forgets them afterwards, and {@link #beforeCommit}
     * later gets only the changes recorded since the last part. The hook treats each part as it treats the changes
     * at commit, so that a transaction of any size holds a bounded number of row images. Throwing rolls the source
     * transaction back as {@link #beforeCommit} does; a hook must also refuse the commit of a transaction whose part
     * it refused, even if the caller caught the exception.
     */
    void deliverPart(UUID batchId, List<RecordedChange> changes);

    /** Called after the source transaction committed ({@code committed}) or rolled back. Must not throw. */
    void afterCompletion(UUID batchId, boolean committed);

    /**
     * One recorded change as live sync sees it.
     *
     * @param row    the full row image after the change (before it, for a delete), values in column types
     * @param origin the app a runtime-applied change came from, or {@code null} for a change the app made itself
     */
    record RecordedChange(String entity, String integrationKey, ChangeOperation operation,
                          java.util.Map<String, Object> row, String origin) {
    }
}
