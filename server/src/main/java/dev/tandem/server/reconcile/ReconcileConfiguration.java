package dev.tandem.server.reconcile;

import dev.tandem.dualwrite.runtime.DualWriteRuntime;
import dev.tandem.finance.Finance;
import dev.tandem.operations.ProjectOperations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Reconciliation} of this process, over both apps and the dual-write runtime if one runs. */
@Configuration(proxyBeanMethods = false)
public class ReconcileConfiguration {

    @Bean
    Reconciliation reconciliation(ProjectOperations operations, Finance finance,
            ObjectProvider<DualWriteRuntime> runtime) {
        return new Reconciliation(operations, finance, runtime.getIfAvailable());
    }
}
