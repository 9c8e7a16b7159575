-- Who is posting an integration journal (issue 14, finding 3): a journal in PROCESSING is claimed by one process
-- instance. claimowner is the instance's id (a UUID made at its start), claimedby its host:pid for people, and
-- claimrenewedon when the owner last renewed the claim (each chunk of lines it posts renews it). A journal whose
-- owner is gone (dev.tandem.common.claim.Claims) is taken over by the next posting at once; no 24-hour wait. The
-- columns are NULL outside PROCESSING.
ALTER TABLE projintegrationjournal ADD COLUMN claimowner UUID;
ALTER TABLE projintegrationjournal ADD COLUMN claimedby VARCHAR(255);
ALTER TABLE projintegrationjournal ADD COLUMN claimrenewedon TIMESTAMP WITH TIME ZONE;
