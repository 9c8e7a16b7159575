package dev.tandem.dualwrite.runtime;

import dev.tandem.dualwrite.spi.SyncApp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The apps the runtime connects, by name. */
final class SyncApps {

    private final Map<String, SyncApp> apps = new LinkedHashMap<>();

    SyncApps(List<SyncApp> apps) {
        apps.forEach(a -> this.apps.put(a.name(), a));
    }

    /** @throws IllegalArgumentException for an unknown app */
    SyncApp app(String name) {
        SyncApp app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no app " + name);
        }
        return app;
    }

    /** The app of that name, or {@code null}. */
    SyncApp find(String name) {
        return apps.get(name);
    }

    Collection<SyncApp> all() {
        return apps.values();
    }
}
