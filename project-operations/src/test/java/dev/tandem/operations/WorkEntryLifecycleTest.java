package dev.tandem.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.common.TandemException;
import dev.tandem.operations.contracts.ContractStatus;
import dev.tandem.operations.work.WorkEntryStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Work capture lifecycle: submit → approve or reject → recall; contract Draft → Confirmed. */
class WorkEntryLifecycleTest extends OperationsTestBase {

    @Test
    void rejectRecallAndResubmit() {
        UUID entry = submittedTime("4", DAY);

        ops.workEntries().reject(entry, "Wrong project");
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.REJECTED);
        assertThat(ops.workEntries().entry(entry).rejectionReason()).isEqualTo("Wrong project");

        ops.workEntries().recall(entry);
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.DRAFT);

        ops.workEntries().submit(entry);
        assertThat(ops.workEntries().entry(entry).rejectionReason()).isNull();
        ops.workEntries().approve(entry);
        assertThat(ops.workEntries().entry(entry).status()).isEqualTo(WorkEntryStatus.APPROVED);
        assertThat(count("msdyn_actual")).isEqualTo(2);
    }

    @Test
    void approvedEntriesCantBeRecalledOrRejected() {
        UUID entry = submittedTime("4", DAY);
        ops.workEntries().approve(entry);

        assertThatThrownBy(() -> ops.workEntries().recall(entry)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(OperationsError.ENTRY_STATE));
        assertThatThrownBy(() -> ops.workEntries().reject(entry, "late")).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(OperationsError.ENTRY_STATE));
    }

    @Test
    void confirmedContractIsReadOnly() {
        ops.contracts().confirm(contract);

        assertThat(ops.contracts().contract(contract).status()).isEqualTo(ContractStatus.CONFIRMED);
        assertThatThrownBy(() -> ops.contracts().confirm(contract)).isInstanceOfSatisfying(TandemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(OperationsError.CONTRACT_NOT_DRAFT));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dw_outbox WHERE entity = 'salesorders' AND operation = 'UPDATE'",
                Integer.class)).isEqualTo(1);
    }
}
