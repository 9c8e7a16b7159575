-- Who is processing a bulk confirmation job (issue 14, finding 3): a job in Processing is claimed by one process
-- instance. tdm_claimowner is the instance's id (a UUID made at its start), tdm_claimedby its host:pid for people,
-- tdm_claimrenewedon when the owner last renewed the claim (each invoice it confirms renews it). A job whose owner
-- is gone (dev.tandem.common.claim.Claims) is taken over at once by the next worker that starts or is handed it.
ALTER TABLE tdm_bulkconfirmjob ADD COLUMN tdm_claimowner UUID;
ALTER TABLE tdm_bulkconfirmjob ADD COLUMN tdm_claimedby VARCHAR(255);
ALTER TABLE tdm_bulkconfirmjob ADD COLUMN tdm_claimrenewedon TIMESTAMP WITH TIME ZONE;
