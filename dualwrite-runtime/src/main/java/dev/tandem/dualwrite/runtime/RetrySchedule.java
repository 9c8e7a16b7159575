package dev.tandem.dualwrite.runtime;

import java.time.Duration;
import java.time.Instant;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a map whose target was unavailable may try its queue again: an exponential back-off (Spring's
 * {@link ExponentialBackOff}) from {@link DualWriteSettings#retryInitialInterval()}, doubling up to
 * {@link DualWriteSettings#retryMaxInterval()}. At that limit it keeps trying at that interval for as long as the
 * target stays away: queued changes never expire (DESIGN §3), the alert raised at the first failure says they wait.
 * One per map; thread-safe.
 */
final class RetrySchedule {

    private final ExponentialBackOff backOff;
    private BackOffExecution execution;
    private Instant notBefore = Instant.MIN;

    RetrySchedule(Duration initialInterval, Duration maxInterval) {
        backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
    }

    /** Whether a drain may try now: not backing off, or its delay has passed. */
    synchronized boolean due(Instant now) {
        return !now.isBefore(notBefore);
    }

    /** Whether the target of the map is being waited for. */
    synchronized boolean backingOff() {
        return execution != null;
    }

    /**
     * Records a retriable failure.
     *
     * @return the delay before the next try; {@link #backingOff()} was false before when this started an outage
     */
    synchronized Duration failed(Instant now) {
        if (execution == null) {
            execution = backOff.start();
        }
        long next = execution.nextBackOff();
        Duration delay = Duration.ofMillis(next == BackOffExecution.STOP ? backOff.getMaxInterval() : next);
        notBefore = now.plus(delay);
        return delay;
    }

    /** Records a drain that reached the target; returns whether an outage ended with it. */
    synchronized boolean recovered() {
        boolean was = execution != null;
        execution = null;
        notBefore = Instant.MIN;
        return was;
    }
}
