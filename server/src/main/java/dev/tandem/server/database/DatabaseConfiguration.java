package dev.tandem.server.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.finance.FinanceSchema;
import dev.tandem.operations.OperationsSchema;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two app databases. Project Operations and Finance never share a database or a transaction (DESIGN §1: only
 * table maps cross), so every JDBC bean exists twice and is injected by qualifier ({@link OperationsDatabase},
 * {@link FinanceDatabase}); there is deliberately no unqualified {@code DataSource}.
 *
 * <p>Each {@code DataSource} bean is published only after its schema is migrated, so no bean ever sees an old
 * schema. Each database also holds some of the server's own tables ({@link ServerSchema}), migrated after the app's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TandemProperties.class)
public class DatabaseConfiguration {

    @Bean
    @OperationsDatabase
    HikariDataSource operationsDataSource(TandemProperties properties) {
        // The operations database is also the server's home: its own tables (ServerSchema) follow the app's.
        return AppDataSources.openMigrated("operations", properties.operations().datasource(), dataSource -> {
            OperationsSchema.migrate(dataSource);
            ServerSchema.migrate(dataSource);
        });
    }

    @Bean
    @OperationsDatabase
    JdbcTemplate operationsJdbcTemplate(@OperationsDatabase DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @OperationsDatabase
    JdbcClient operationsJdbcClient(@OperationsDatabase JdbcTemplate jdbc) {
        return JdbcClient.create(jdbc);
    }

    @Bean
    @OperationsDatabase
    JdbcTransactionManager operationsTransactionManager(@OperationsDatabase DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @OperationsDatabase
    TransactionTemplate operationsTransactionTemplate(@OperationsDatabase PlatformTransactionManager manager) {
        return new TransactionTemplate(manager);
    }

    @Bean
    @FinanceDatabase
    HikariDataSource financeDataSource(TandemProperties properties) {
        // The server's own tables in the finance database (ServerSchema) follow the app's too.
        return AppDataSources.openMigrated("finance", properties.finance().datasource(), dataSource -> {
            FinanceSchema.migrate(dataSource);
            ServerSchema.migrateFinance(dataSource);
        });
    }

    @Bean
    @FinanceDatabase
    JdbcTemplate financeJdbcTemplate(@FinanceDatabase DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @FinanceDatabase
    JdbcClient financeJdbcClient(@FinanceDatabase JdbcTemplate jdbc) {
        return JdbcClient.create(jdbc);
    }

    @Bean
    @FinanceDatabase
    JdbcTransactionManager financeTransactionManager(@FinanceDatabase DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    @FinanceDatabase
    TransactionTemplate financeTransactionTemplate(@FinanceDatabase PlatformTransactionManager manager) {
        return new TransactionTemplate(manager);
    }
}
