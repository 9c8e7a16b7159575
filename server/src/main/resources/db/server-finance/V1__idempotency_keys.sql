-- The server's own tables in the finance database: this location is applied by
-- dev.tandem.server.database.ServerSchema#migrateFinance with its own history table (server_schema_history), so the
-- server's versions never collide with the Finance app's.

-- Idempotency keys of the Finance REST API (DESIGN §5: an Idempotency-Key header on commands), owned by
-- dev.tandem.server.api.Idempotency: the same table the operations database has (db/server V2 and V4, here in one
-- statement, response_location included). Until this version it came from the Finance app's migrations (its V6);
-- databases migrated before already have it, with the same columns: every statement here is IF NOT EXISTS and leaves
-- such a database as it is.
--
-- It lives in the finance database because the commands it guards (posting an invoice proposal) write there, so the
-- stored answer commits in the same transaction as the work it describes: either both are there or neither is. A key
-- of the Project Operations API and a key of the Finance API are therefore kept apart, each next to the work it
-- answers. No domain class reads or writes it and it is no data entity, so nothing here is captured in the outbox or
-- synced.
--
-- A row is claimed (response_status NULL) in its own short transaction before the work starts; the primary key makes
-- a second request with the same key find the claim instead of doing the work again. The work and the completion
-- (response_status, response_body, response_location, completed_at) commit together. A request that fails releases
-- its claim (the row is deleted), so failed answers are never replayed. claim_token names the request holding the
-- claim: a claim whose request died is taken over after a lease, and the token keeps the dead request from completing
-- afterwards. response_location is the Location header of the stored answer (NULL when it had none), so a replay
-- names the same row as the first answer.
CREATE TABLE IF NOT EXISTS api_idempotency_key (
    idempotency_key   VARCHAR(255)  PRIMARY KEY,
    request_method    VARCHAR(10)   NOT NULL,
    request_path      VARCHAR(2000) NOT NULL,
    -- SHA-256, hex, of the request body as the server read it (canonical JSON); a different body is another request.
    request_hash      CHAR(64)      NOT NULL,
    claim_token       UUID          NOT NULL,
    response_status   INTEGER,
    response_body     TEXT,
    response_location VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_idempotency_key_completed CHECK ((response_status IS NULL) = (completed_at IS NULL))
);
CREATE INDEX IF NOT EXISTS api_idempotency_key_created ON api_idempotency_key (created_at);
