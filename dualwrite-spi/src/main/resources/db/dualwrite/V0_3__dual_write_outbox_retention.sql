-- Outbox retention (DESIGN §2): the runtime deletes delivered outbox rows older than the retention. These indexes
-- let it find, per outbox row, whether its batch was delivered live or by a queue, and which rows are old enough.
CREATE INDEX dw_outbox_recorded ON dw_outbox (recorded_at);
CREATE INDEX dw_delivery_batch ON dw_delivery (batch_id);
CREATE INDEX dw_queue_batch_id ON dw_queue (batch_id);
