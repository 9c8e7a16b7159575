-- Owned by the server module, not by the Project Operations domain, like api_idempotency_key (V7): no domain class
-- reads or writes these, they are not data entities, and nothing here is captured in the outbox or synced. They live
-- in the operations database because the work they drive (the daily invoice run, replays of invoicing commands)
-- writes there.

-- The persistent scheduler of periodic jobs (DESIGN §2: db-scheduler, com.github.kagkarlsson:db-scheduler 16.x,
-- wired in dev.tandem.server.jobs). One row per scheduled execution: a recurring task such as the daily invoice
-- run (§8 "Automatic invoice creation") keeps exactly one row, whose execution_time is its next run. Every node of
-- a cluster polls this table; a node takes a due execution by an optimistic update of version (picked, picked_by),
-- so only one node runs it, and keeps last_heartbeat fresh while it runs, so another node can revive an execution
-- whose node died.
--
-- The columns are the ones db-scheduler 16.x reads and writes (its PostgreSQL DDL), with types both H2 (PostgreSQL
-- mode) and PostgreSQL accept: VARCHAR instead of TEXT, since H2 maps TEXT to a CLOB, which can't be part of a
-- primary key. Timestamps carry their zone, so no node's time zone matters.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(255) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(255),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
-- What the pollers filter and order by: due executions, and executions whose node stopped sending heartbeats.
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- The Location header of a stored answer (dev.tandem.server.api.Idempotency), so a replayed 201 or 202 names the
-- same row as the first answer: a bulk confirmation repeated with its key must still say where to poll its job.
-- NULL for answers without a Location.
ALTER TABLE api_idempotency_key ADD COLUMN response_location VARCHAR(2000);
