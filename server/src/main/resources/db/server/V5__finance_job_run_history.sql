-- Every run of Finance's periodic jobs, not only the last (finance_job_run): which node ran it, when, and how it
-- ended. It shows an administrator what the jobs did over the last days, and it is how the several-servers test
-- shows that a job never runs on two servers at once (issue 14, acceptance 6). Rows older than 30 days are deleted by
-- the next run of the same job (dev.tandem.server.jobs.FinanceJobRuns.HISTORY_KEPT), so the table stays bounded.
CREATE TABLE finance_job_run_history (
    job_name     VARCHAR(100)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    node         VARCHAR(255)             NOT NULL,
    outcome      VARCHAR(10)              NOT NULL,
    message      VARCHAR(4000),
    CONSTRAINT finance_job_run_history_key PRIMARY KEY (job_name, started_at, node),
    CONSTRAINT finance_job_run_history_outcome CHECK (outcome IN ('OK', 'FAILED'))
);
