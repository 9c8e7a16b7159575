-- The persistent scheduler of periodic jobs (DESIGN §2: db-scheduler, com.github.kagkarlsson:db-scheduler 16.x,
-- wired in dev.tandem.server.jobs), in the operations database, the server's home. Until this version the table came
-- from the Project Operations app's migrations (its V8); databases migrated before already have it, with the same
-- columns and indexes: every statement here is IF NOT EXISTS and leaves such a database as it is.
--
-- One row per scheduled execution: a recurring task such as the daily invoice run (§8 "Automatic invoice creation")
-- keeps exactly one row, whose execution_time is its next run. Every node of a cluster polls this table; a node takes
-- a due execution by an optimistic update of version (picked, picked_by), so only one node runs it, and keeps
-- last_heartbeat fresh while it runs, so another node can revive an execution whose node died.
--
-- The columns are the ones db-scheduler 16.x reads and writes (its PostgreSQL DDL), with types both H2 (PostgreSQL
-- mode) and PostgreSQL accept: VARCHAR instead of TEXT, since H2 maps TEXT to a CLOB, which can't be part of a
-- primary key. Timestamps carry their zone, so no node's time zone matters.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
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
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS scheduled_tasks_priority_execution_time
    ON scheduled_tasks (priority DESC, execution_time ASC);
