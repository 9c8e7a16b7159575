package dev.tandem.dualwrite.spi;

import dev.tandem.dualwrite.AppContext;
import dev.tandem.dualwrite.entity.DataEntityDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One app as the dual-write runtime sees it: a name ({@code operations}, {@code finance}), its data entities in
 * relationship order (parents first, so a batch inserts a contract before its lines, R19), its transactions, and its
 * database, which holds the app's outbox and the runtime's bookkeeping for that side (inbox, deliveries, queue).
 * Nothing else of an app is visible to the runtime, and the two apps see only this.
 *
 * @param name     the app's name as table maps refer to it
 * @param context  the app's context: database, transactions, clock and change capture
 * @param entities the entities the app exposes, parents first
 */
public record SyncApp(String name, AppContext context, List<DataEntity> entities) {

    public SyncApp {
        entities = List.copyOf(entities);
    }

    /** The entity of that name, if the app exposes it. */
    public Optional<DataEntity> entity(String entityName) {
        return entities.stream().filter(e -> e.definition().name().equals(entityName)).findFirst();
    }

    /** Entity name → definition, in relationship order. */
    public Map<String, DataEntityDefinition> definitions() {
        Map<String, DataEntityDefinition> all = new LinkedHashMap<>();
        entities.forEach(e -> all.put(e.definition().name(), e.definition()));
        return all;
    }

    /** Position of an entity in relationship order; parents have lower numbers. */
    public int order(String entityName) {
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).definition().name().equals(entityName)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public JdbcTemplate jdbc() {
        return context.jdbc();
    }

    /** Runs work in a transaction of this app (joining the caller's on this thread, if any). */
    public <T> T inTransaction(Supplier<T> work) {
        return context.inTransaction(work);
    }
}
