package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.entity.DataEntityDefinition;
import dev.tandem.dualwrite.map.Lookups;
import dev.tandem.dualwrite.spi.DataEntity;
import dev.tandem.dualwrite.spi.SyncApp;
import java.util.List;
import java.util.Map;

/**
 * Lookups over an app's entities on the calling thread: inside the source transaction they see its own
 * uncommitted rows (a project created in the same transaction as its first actual).
 */
class AppLookups implements Lookups {

    private final SyncApp app;

    AppLookups(SyncApp app) {
        this.app = app;
    }

    @Override
    public List<Map<String, Object>> read(String entity, String keyField, List<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return entity(entity).read(keyField, keys);
    }

    @Override
    public DataEntityDefinition definition(String entity) {
        return entity(entity).definition();
    }

    private DataEntity entity(String name) {
        return app.entity(name).orElseThrow(() -> new IllegalArgumentException(app.name() + " has no entity " + name));
    }

    /**
     * Lookups of the other app, read on a worker thread in a transaction of that app: used while the calling thread
     * is inside a transaction of the first app.
     */
    static Lookups onWorker(SyncApp app, Workers workers) {
        AppLookups direct = new AppLookups(app);
        return new AppLookups(app) {
            @Override
            public List<Map<String, Object>> read(String entity, String keyField, List<?> keys) {
                if (keys.isEmpty()) {
                    return List.of();
                }
                return workers.call(() -> app.inTransaction(() -> direct.read(entity, keyField, keys)));
            }
        };
    }
}
