package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A failure after the business write and before commit rolls back business rows and outbox rows together. */
class TransactionRollbackTest extends OperationsTestBase {

    @Test
    void failureInjectedAfterApprovalBeforeCommitRollsBackActualsAndOutbox() {
        UUID entry = submittedTime("8", DAY);
        Map<String, Integer> before = rowCounts();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            ops.workEntries().approve(entry);
            // The business rows and their outbox rows are written but not committed yet.
            assertThat(count("msdyn_actual")).isEqualTo(before.get("msdyn_actual") + 2);
            assertThat(count("dw_outbox")).isGreaterThan(before.get("dw_outbox"));
            throw new IllegalStateException("injected failure before commit");
        })).hasMessage("injected failure before commit");

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(ops.workEntries().entry(entry).status().name()).isEqualTo("SUBMITTED");
    }
}
