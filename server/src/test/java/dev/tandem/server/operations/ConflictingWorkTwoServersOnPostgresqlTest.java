package dev.tandem.server.operations;

import dev.tandem.server.ServerDatabases;
import dev.tandem.server.TandemApplication;
import java.sql.SQLException;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14, acceptance 6: the fifty clients of {@link ConflictingWorkContract} against two servers at once on one
 * pair of PostgreSQL databases, each request sent to either at random. Live sync, queue drains, the in-doubt
 * resolver and the periodic jobs run in both; every invariant must hold afterwards (no batch applied twice, no
 * in-flight batch undone by the other server, nothing lost).
 */
class ConflictingWorkTwoServersOnPostgresqlTest extends ConflictingWorkContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }

    @Override
    protected List<ConfigurableApplicationContext> moreServers(Environment environment) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
                "--tandem.dualwrite.auto-run=true"));
        for (String app : List.of("operations", "finance")) {
            for (String key : List.of("url", "username", "password")) {
                String name = "tandem." + app + ".datasource." + key;
                arguments.add("--" + name + "=" + environment.getProperty(name, ""));
            }
        }
        return List.of(new SpringApplicationBuilder(TandemApplication.class).run(arguments.toArray(String[]::new)));
    }
}
