-- Sync bookkeeping that only what a map or a guarantee needs is written, and is purged once it has served
-- (issue 13, DESIGN §3):
--   * live sync writes no outbox rows: the changes reach the hook in memory; dw_outbox holds only the changes of
--     batches queued for a paused map (and, without a runtime, whatever the apps record);
--   * the target keeps a live batch's undo images as ONE document in its inbox row (undo_images), instead of one
--     dw_inbox_image row per changed row, and only while the batch is in doubt: confirming a batch deletes its
--     inbox row and then the source's delivery row, undoing it clears the document.
-- dw_inbox_image stays for batches a runtime before 0.4 left in doubt; the undo still reads them there.
ALTER TABLE dw_inbox ADD COLUMN undo_images TEXT;

DELETE FROM dw_inbox_image
WHERE NOT EXISTS (SELECT 1 FROM dw_inbox i WHERE i.map_id = dw_inbox_image.map_id
                                           AND i.batch_id = dw_inbox_image.batch_id AND i.status = 'IN_DOUBT');
