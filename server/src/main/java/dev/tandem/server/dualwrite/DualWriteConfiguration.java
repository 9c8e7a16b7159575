package dev.tandem.server.dualwrite;

import dev.tandem.dualwrite.map.MapLoadException;
import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.dualwrite.spi.SyncApp;
import dev.tandem.finance.Finance;
import dev.tandem.finance.sync.FinanceSyncEntities;
import dev.tandem.operations.ProjectOperations;
import dev.tandem.operations.sync.OperationsSyncEntities;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dual-write runtime of this process (DESIGN §3): both apps as the runtime sees them ({@link SyncApp}s with the
 * data entities each exposes), the table maps of {@code maps/}, and the runtime itself, configured by
 * {@link DualWriteProperties} ({@code tandem.dualwrite.*}).
 *
 * <p>The runtime starts while the context starts, after both app databases are migrated: each {@code DataSource}
 * bean is published only once its schema is migrated, and the runtime depends on both apps, which depend on their
 * {@code DataSource}s. Starting restores the stored map states, resolves batches left in doubt by a crash, hooks live
 * sync into both apps and (with {@code auto-run}) runs the maps that never ran. It closes with the context, before the
 * databases (it depends on them): live sync is unhooked and background work stops.
 *
 * <p>Maps that do not validate stop the start: {@link MapLoadException} names every problem with file, line and rule,
 * and {@link MapLoadFailureAnalyzer} reports it without a stack trace ({@code tandem serve} prints it after
 * {@code tandem:}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DualWriteProperties.class)
public class DualWriteConfiguration {

    /** Project Operations as dual-write sees it: app name {@code operations} and its data entities. */
    @Bean
    SyncApp operationsSyncApp(ProjectOperations operations) {
        return new SyncApp("operations", operations.context(), OperationsSyncEntities.create(operations));
    }

    /** Finance as dual-write sees it: app name {@code finance} and its data entities. */
    @Bean
    SyncApp financeSyncApp(Finance finance) {
        return new SyncApp("finance", finance.context(), FinanceSyncEntities.create(finance));
    }

    /**
     * The runtime over both apps and the table maps, started. Its metrics go to the application's
     * {@link MeterRegistry} (served at {@code /actuator/prometheus}).
     *
     * @throws MapLoadException when a map does not validate
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
    DualWriteRuntime dualWriteRuntime(List<SyncApp> apps, DualWriteProperties properties,
            ObjectProvider<MeterRegistry> registry) {
        DualWriteRuntime runtime;
        try {
            runtime = new DualWriteRuntime(apps, MapFiles.read(properties.mapsDir()), properties.settings(),
                    registry.getIfAvailable(SimpleMeterRegistry::new));
        } catch (MapLoadException e) {
            // The runtime heads its refusal "Table map maps is not valid:"; name the file, or the directory and count.
            throw MapLoadException.ofDirectory(properties.mapsDir() == null ? "maps"
                    : properties.mapsDir().toString(), e.problems());
        }
        try {
            runtime.start(properties.autoRun());
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** Initial syncs started through the API run here, one virtual thread each. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty(name = DualWriteProperties.ENABLED, matchIfMissing = true)
    InitialSyncJobs initialSyncJobs(DualWriteRuntime runtime) {
        return new InitialSyncJobs(runtime);
    }
}
