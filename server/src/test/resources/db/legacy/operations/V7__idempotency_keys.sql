-- Idempotency keys of the REST API (DESIGN §5: an Idempotency-Key header on commands).
--
-- Owned by the server module (dev.tandem.server.api.Idempotency), not by the Project Operations domain: no domain
-- class reads or writes it, and it is not a data entity, so nothing here is captured in the outbox or synced. It
-- lives in the operations database because the commands it guards (create, confirm invoices) write there, so the
-- stored answer commits in the same transaction as the work it describes: either both are there or neither is.
--
-- A row is claimed (response_status NULL) in its own short transaction before the work starts; the primary key makes
-- a second request with the same key find the claim instead of doing the work again. The work and the completion
-- (response_status, response_body, completed_at) commit together. A request that fails releases its claim (the row
-- is deleted), so failed answers are never replayed. claim_token names the request holding the claim: a claim
-- whose request died is taken over after a lease, and the token keeps the dead request from completing afterwards.
CREATE TABLE api_idempotency_key (
    idempotency_key  VARCHAR(255)  PRIMARY KEY,
    request_method   VARCHAR(10)   NOT NULL,
    request_path     VARCHAR(2000) NOT NULL,
    -- SHA-256, hex, of the request body as the server read it (canonical JSON); a different body is another request.
    request_hash     CHAR(64)      NOT NULL,
    claim_token      UUID          NOT NULL,
    response_status  INTEGER,
    response_body    TEXT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_idempotency_key_completed CHECK ((response_status IS NULL) = (completed_at IS NULL))
);
CREATE INDEX api_idempotency_key_created ON api_idempotency_key (created_at);
