package dev.tandem.dualwrite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.TandemException;
import dev.tandem.dualwrite.DualWriteError;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A live batch that meets a deadlock or lock timeout in the target is the source request's contention, found
 * however deeply it is wrapped; a refusal by the target is not (issue 14, two servers).
 */
class FailurePolicyContentionTest {

    @Test
    void aDeadlockWrappedByTheTargetIsContention() {
        PessimisticLockingFailureException deadlock = new PessimisticLockingFailureException("deadlock detected");
        RuntimeException wrapped = new IllegalStateException("applying the batch", new RuntimeException(deadlock));

        assertThat(FailurePolicy.contention(wrapped)).containsSame(deadlock);
        assertThat(FailurePolicy.contention(new CannotAcquireLockException("lock timeout"))).isPresent();
    }

    @Test
    void aRefusalOrAConstraintIsNotContention() {
        assertThat(FailurePolicy.contention(new TandemException(DualWriteError.LOOKUP_FAILED, "no such customer")))
                .isEmpty();
        assertThat(FailurePolicy.contention(new DataIntegrityViolationException("foreign key"))).isEmpty();
    }
}
