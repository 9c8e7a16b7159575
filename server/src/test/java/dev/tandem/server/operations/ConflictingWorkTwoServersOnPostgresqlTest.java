package dev.tandem.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.ServerDatabases;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.jobs.FinanceJob;
import dev.tandem.server.jobs.FinanceJobRun;
import dev.tandem.server.jobs.FinanceJobRuns;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14, acceptance 6: the fifty clients of {@link ConflictingWorkContract} against two servers at once on one
 * pair of PostgreSQL databases, each request sent to either at random. Live sync, queue drains, the in-doubt
 * resolver and Finance's periodic jobs (every second, on both servers) run in both; every invariant must hold
 * afterwards (no batch applied twice, no in-flight batch undone by the other server, nothing lost), every job ran,
 * and no job ran on two servers at once (its runs in {@code finance_job_run_history} never overlap).
 */
@TestPropertySource(properties = {"tandem.finance.jobs.enabled=true",
        "tandem.finance.jobs.import-from-staging.interval=PT1S",
        "tandem.finance.jobs.post-integration-journals.interval=PT1S",
        "tandem.finance.jobs.post-invoice-proposals.interval=PT1S"})
class ConflictingWorkTwoServersOnPostgresqlTest extends ConflictingWorkContract {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws SQLException {
        ServerDatabases.postgresql(registry);
    }

    @Override
    protected List<ConfigurableApplicationContext> moreServers(Environment environment) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tandem.dualwrite.auto-run=true"));
        for (String app : List.of("operations", "finance")) {
            for (String key : List.of("url", "username", "password")) {
                String name = "tandem." + app + ".datasource." + key;
                arguments.add("--" + name + "=" + environment.getProperty(name, ""));
            }
        }
        for (String job : List.of("enabled", "import-from-staging.interval", "post-integration-journals.interval",
                "post-invoice-proposals.interval")) {
            String name = "tandem.finance.jobs." + job;
            arguments.add("--" + name + "=" + environment.getProperty(name));
        }
        return List.of(new SpringApplicationBuilder(TandemApplication.class).run(arguments.toArray(String[]::new)));
    }

    @Override
    protected void afterTheLoad(List<ConfigurableApplicationContext> others) {
        FinanceJobRuns runs = others.getFirst().getBean(FinanceJobRuns.class);
        for (FinanceJob job : FinanceJob.values()) {
            List<FinanceJobRun> history = new ArrayList<>(runs.history(job, 10_000));
            assertThat(history).as(job + " ran").isNotEmpty();
            history.sort(Comparator.comparing(FinanceJobRun::startedAt));
            for (int i = 1; i < history.size(); i++) {
                FinanceJobRun before = history.get(i - 1);
                FinanceJobRun next = history.get(i);
                assertThat(next.startedAt()).as(job + ": a run on " + next.node() + " started while one on "
                        + before.node() + " ran (" + before.startedAt() + " to " + before.finishedAt() + ")")
                        .isAfterOrEqualTo(before.finishedAt());
            }
        }
    }
}
