package dev.tandem.server.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run of a Finance job did (stored by {@link FinanceJobRuns}, shown by {@code GET /api/finance/jobs}).
 *
 * @param job           the job
 * @param startedAt     when the run started
 * @param finishedAt    when it ended
 * @param outcome       {@code FAILED} when the run could not list the legal entities or failed in one of them
 * @param node          the server that ran it (db-scheduler's scheduler name: the host name)
 * @param message       the first failure ({@code "USMF: …"}), {@code null} when none
 * @param legalEntities what it did in each legal entity, by dataAreaId
 */
public record FinanceJobRun(FinanceJob job, Instant startedAt, Instant finishedAt, Outcome outcome, String node,
                            String message, List<EntityRun> legalEntities) {

    /** How a run, or its part in one legal entity, ended. */
    public enum Outcome {
        /** It did its work; rows Finance refused on its own terms (import errors, failed journal lines) are counts. */
        OK,
        /**
         * It failed: an error stopped it (the database, the posting setup), or, for Post invoice proposals, posting
         * a ready proposal was refused. The message says why.
         */
        FAILED
    }

    /**
     * The part of a run in one legal entity.
     *
     * @param dataAreaId the legal entity
     * @param startedAt  when this part started
     * @param finishedAt when it ended
     * @param outcome    how it ended
     * @param message    why it failed, {@code null} when it did not
     * @param counts     the job's counts ({@link FinanceJob#counts()}), by name; a failed part keeps what it counted
     *                   before the failure
     */
    public record EntityRun(String dataAreaId, Instant startedAt, Instant finishedAt, Outcome outcome, String message,
                            Map<String, Integer> counts) {
    }
}
