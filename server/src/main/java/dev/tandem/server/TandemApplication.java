package dev.tandem.server;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application that wires both apps, each with its own database
 * ({@link dev.tandem.server.database.DatabaseConfiguration}), and the REST API.
 *
 * <p>Spring Boot's single-{@code DataSource} auto-configuration is switched off: it would build a third pool from
 * {@code spring.datasource.*} or bind its JDBC helpers to one of the two apps at random. Flyway's auto-configuration
 * is not on the classpath (no {@code spring-boot-flyway}); each app's schema migrates through its own
 * {@code *Schema.migrate} when its pool opens.
 */
@SpringBootApplication(exclude = {
        DataSourceAutoConfiguration.class,
        DataSourceInitializationAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class})
public class TandemApplication {

    /** The one clock of the application: UTC, so stored timestamps never depend on the host's zone. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
