-- The server's own tables, in the operations database (the server's home database, where scheduled_tasks is) but not
-- in its migrations: this location is applied by dev.tandem.server.database.ServerSchema with its own history table
-- (server_schema_history), so the server's versions never collide with the Project Operations app's.

-- The last run of each of Finance's periodic jobs (§8: Import from staging, Post integration journals, Post invoice
-- proposals; dev.tandem.server.jobs.FinanceJobs), for GET /api/finance/jobs. db-scheduler's scheduled_tasks keeps the
-- next execution and when the last one succeeded or failed, but not what it did; this does. One row per job,
-- replaced by each run, written by whichever node ran it.
--   outcome   OK: every legal entity ran; FAILED: the run, or the job for at least one legal entity, failed.
--   message   why it failed (the first failure), NULL when it did not
CREATE TABLE finance_job_run (
    job_name          VARCHAR(100)             NOT NULL PRIMARY KEY,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome           VARCHAR(10)              NOT NULL,
    node              VARCHAR(255)             NOT NULL,
    message           VARCHAR(4000),
    CONSTRAINT finance_job_run_outcome CHECK (outcome IN ('OK', 'FAILED'))
);

-- What the last run of a job did in each legal entity (dataareaid of Finance). Counts that don't apply to the job
-- are NULL:
--   Import from staging       lines_imported (integration journal lines), import_errors (staging rows refused and
--                             logged in Finance), billed_sales_rows (billed sales rows offered to their proposals)
--   Post integration journals journals_posted, journal_lines_posted, journal_lines_failed (moved to an error journal)
--   Post invoice proposals    proposals_posted, proposals_failed (ready proposals posting refused; message says why)
CREATE TABLE finance_job_run_entity (
    job_name             VARCHAR(100)             NOT NULL,
    dataareaid           VARCHAR(10)              NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome              VARCHAR(10)              NOT NULL,
    message              VARCHAR(4000),
    lines_imported       INTEGER,
    import_errors        INTEGER,
    billed_sales_rows    INTEGER,
    journals_posted      INTEGER,
    journal_lines_posted INTEGER,
    journal_lines_failed INTEGER,
    proposals_posted     INTEGER,
    proposals_failed     INTEGER,
    PRIMARY KEY (job_name, dataareaid),
    CONSTRAINT finance_job_run_entity_run FOREIGN KEY (job_name) REFERENCES finance_job_run (job_name)
        ON DELETE CASCADE,
    CONSTRAINT finance_job_run_entity_outcome CHECK (outcome IN ('OK', 'FAILED'))
);
