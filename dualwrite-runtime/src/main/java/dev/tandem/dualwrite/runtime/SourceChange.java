package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.capture.ChangeOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change of a source row as the runtime moves it: from the live hook (row in column types) or from the outbox
 * (row as JSON types).
 *
 * @param sequenceNo outbox sequence number, or the position in the transaction for live changes
 * @param key        integration key of the source row, as text
 * @param origin     app the change came from when the runtime applied it, else {@code null}
 */
record SourceChange(long sequenceNo, String entity, String key, ChangeOperation operation, Map<String, Object> row,
                    String origin) {

    /**
     * The net effect of one transaction's changes per row, in order of each row's first change: an insert followed
     * by updates is one insert of the last image; an update followed by a delete is a delete; an insert followed by
     * a delete is nothing. A transaction is one unit (R14); replaying its intermediate images would show the target
     * states the source never committed. Across transactions nothing is coalesced (R22).
     */
    static List<SourceChange> netEffect(List<SourceChange> changes) {
        Map<String, List<SourceChange>> byKey = new LinkedHashMap<>();
        for (SourceChange c : changes) {
            byKey.computeIfAbsent(c.entity() + "\u0000" + c.key(), k -> new ArrayList<>()).add(c);
        }
        List<SourceChange> net = new ArrayList<>(byKey.size());
        for (List<SourceChange> rowChanges : byKey.values()) {
            SourceChange first = rowChanges.get(0);
            SourceChange last = rowChanges.get(rowChanges.size() - 1);
            boolean inserted = first.operation() == ChangeOperation.INSERT;
            if (last.operation() == ChangeOperation.DELETE) {
                if (!inserted) {
                    net.add(last);
                }
            } else {
                net.add(new SourceChange(first.sequenceNo(), last.entity(), last.key(),
                        inserted ? ChangeOperation.INSERT : ChangeOperation.UPDATE, last.row(), last.origin()));
            }
        }
        return net;
    }
}
