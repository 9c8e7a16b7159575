package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.capture.ChangeOperation;
import dev.tandem.dualwrite.map.MapLeg;
import dev.tandem.dualwrite.runtime.BatchApplier.Prepared;
import dev.tandem.dualwrite.spi.SyncApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compares a map's rows with their counterparts through the map (DESIGN §4 invariant 5). Read-only. */
final class Reconciler {

    /** Source rows read per page. */
    private static final int PAGE_ROWS = 1000;
    /** Most differences described in a result. */
    private static final int SAMPLES = 20;

    private final SyncApps apps;
    private final BatchApplier applier;

    Reconciler(SyncApps apps, BatchApplier applier) {
        this.apps = apps;
        this.applier = applier;
    }

    /**
     * Compares every row of a map with its counterpart through the map (DESIGN §4 invariant 5): each source row that
     * passes the filter must exist on the other side, and for legs that carry updates its mapped fields must be
     * equal. Reads both sides page by page; meant for a quiet system (after sync quiesces).
     */
    Views.Reconciliation reconcile(MapRuntime m) {
        long checked = 0;
        long missing = 0;
        long different = 0;
        List<String> samples = new ArrayList<>();
        for (MapLeg leg : m.legs) {
            SyncApp from = apps.app(leg.fromApp());
            SyncApp to = apps.app(leg.toApp());
            var source = from.entity(leg.fromEntity()).orElseThrow();
            var target = to.entity(leg.toEntity()).orElseThrow();
            var operations = leg.forward() ? m.map.forwardOperations() : m.map.reverseOperations();
            boolean compareFields = operations.contains(ChangeOperation.UPDATE);
            if (!leg.forward() && !compareFields) {
                continue;
            }
            String keyField = source.definition().integrationKey();
            String after = null;
            while (true) {
                String afterKey = after;
                List<Map<String, Object>> page = from.inTransaction(() -> source.page(afterKey, PAGE_ROWS));
                if (page.isEmpty()) {
                    break;
                }
                after = String.valueOf(page.get(page.size() - 1).get(keyField));
                List<SourceChange> changes = page.stream().map(r -> new SourceChange(0, leg.fromEntity(),
                        String.valueOf(r.get(keyField)), ChangeOperation.UPDATE, r, null)).toList();
                Prepared p = applier.prepare(leg, UUID.randomUUID(), changes, new AppLookups(from), new AppLookups(to));
                Map<String, Map<String, Object>> counterparts = new LinkedHashMap<>();
                to.inTransaction(() -> target.read(leg.toKeyField(), p.rows().stream().map(BatchApplier.Row::key)
                        .toList())).forEach(r -> counterparts.put(String.valueOf(r.get(leg.toKeyField())), r));
                for (BatchApplier.Row row : p.rows()) {
                    Map<String, Object> other = counterparts.get(row.key());
                    if (!leg.forward() && other == null) {
                        continue;
                    }
                    checked++;
                    if (other == null) {
                        missing++;
                        sample(samples, leg.toEntity() + " " + row.key() + " is missing (source " + leg.fromEntity()
                                + " " + row.change().key() + ")");
                    } else if (compareFields && !Values.sameFields(other, row.target())) {
                        different++;
                        row.target().forEach((f, v) -> {
                            if (!Values.same(other.get(f), v)) {
                                sample(samples, leg.toEntity() + " " + row.key() + "." + f + " is " + other.get(f)
                                        + ", expected " + v);
                            }
                        });
                    }
                }
                missing += p.failures().size();
                p.failures().forEach(f -> sample(samples, f.change().entity() + " " + f.change().key() + ": "
                        + f.message()));
            }
        }
        return new Views.Reconciliation(m.id(), checked, missing, different, samples);
    }

    private static void sample(List<String> samples, String text) {
        if (samples.size() < SAMPLES) {
            samples.add(text);
        }
    }

}
