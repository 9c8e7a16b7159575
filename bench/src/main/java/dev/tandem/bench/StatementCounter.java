package dev.tandem.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what reaches the database through a DataSource (datasource-proxy): round trips (executions, a JDBC batch
 * counts once) and statements (each row of a batch counts once).
 */
final class StatementCounter implements QueryExecutionListener {

    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong batchExecutions = new AtomicLong();
    private final AtomicLong statements = new AtomicLong();

    DataSource wrap(DataSource dataSource) {
        return ProxyDataSourceBuilder.create(dataSource).name("bench").listener(this).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        // counted after execution
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        executions.incrementAndGet();
        if (execInfo.isBatch()) {
            batchExecutions.incrementAndGet();
            statements.addAndGet(Math.max(1, execInfo.getBatchSize()));
        } else {
            statements.incrementAndGet();
        }
    }

    record Snapshot(long executions, long batchExecutions, long statements) {
        Snapshot minus(Snapshot before) {
            return new Snapshot(executions - before.executions, batchExecutions - before.batchExecutions,
                    statements - before.statements);
        }
    }

    Snapshot snapshot() {
        return new Snapshot(executions.get(), batchExecutions.get(), statements.get());
    }
}
