-- The Location header of a stored answer (dev.tandem.server.api.Idempotency), so a replayed 201 or 202 names the
-- same row as the first answer: a bulk confirmation repeated with its key must still say where to poll its job.
-- NULL for answers without a Location. Until this version the column came from the Project Operations app's V8;
-- databases migrated before already have it, hence IF NOT EXISTS.
ALTER TABLE api_idempotency_key ADD COLUMN IF NOT EXISTS response_location VARCHAR(2000);
