package dev.tandem.operations.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.testing.DatabaseKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice creation's page of a contract's billing backlog is read from an index in its order, starting where the
 * page before stopped (issue 13): when no index delivered that order, every page read and sorted the contract's
 * whole remaining backlog, and creating a contract's invoices grew with the square of its backlog (56 % of the step
 * at 1,000,000 time rows on PostgreSQL). A test database is too small for timings to show it, so this asserts the
 * plans: the page query of any later change must keep a plan without a sort that starts at the last page's date.
 */
class BacklogPageIndexTest extends InvoicingTestBase {

    @Test
    void aLaterPageIsReadFromTheIndexInOrderFromTheLastPagesDate() {
        List<Object> args = new ArrayList<>();
        String page = new InvoiceCreation.Backlog(contract, List.of(), INVOICE_DATE)
                .page(customer, LocalDate.of(2026, 3, 2), UUID.randomUUID(), args);

        String plan = explain(page, args);

        if (database == DatabaseKind.H2) {
            assertThat(plan).as(plan).containsIgnoringCase("ACTUAL_BACKLOG:")
                    .containsIgnoringCase("index sorted")
                    .containsPattern("(?i)ACTUAL_BACKLOG:[^*]*MSDYN_DOCUMENTDATE >=");
        } else {
            assertThat(plan).as(plan).contains("Index Scan using actual_backlog on").doesNotContain("Sort")
                    .containsPattern("Index Cond: [^\\n]*msdyn_documentdate >=");
        }
    }

    @Test
    void theFirstPageIsReadFromTheIndexInOrder() {
        List<Object> args = new ArrayList<>();
        String page = new InvoiceCreation.Backlog(contract, List.of(line), INVOICE_DATE)
                .page(null, null, null, args);

        String plan = explain(page, args);

        if (database == DatabaseKind.H2) {
            assertThat(plan).as(plan).containsIgnoringCase("ACTUAL_BACKLOG:").containsIgnoringCase("index sorted");
        } else {
            assertThat(plan).as(plan).contains("Index Scan using actual_backlog on").doesNotContain("Sort");
        }
    }

    /**
     * The plan of {@code sql} ({@code actual_backlog}, not {@code actual_backlog_page}, which has the order too but
     * walks every contract's backlog to find this one's). On PostgreSQL with sorts and sequential scans priced out, so that a tiny test table
     * shows the plan a large one gets: a Sort left in it means no index delivers the order.
     */
    private String explain(String sql, List<Object> args) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource())).execute(status -> {
            if (database == DatabaseKind.POSTGRESQL) {
                jdbc.execute("SET LOCAL enable_sort = off");
                jdbc.execute("SET LOCAL enable_seqscan = off");
                jdbc.execute("SET LOCAL enable_bitmapscan = off");
            }
            return String.join("\n", jdbc.queryForList("EXPLAIN " + sql, String.class, args.toArray()));
        });
    }
}
