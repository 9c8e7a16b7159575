-- A work entry loaded from an outside source (a time-tracker export row, an expense file row) carries the row's
-- stable source key, so loading the same source again creates nothing twice (tandem run, docs/input-format.md).
ALTER TABLE tdm_workentry ADD COLUMN tdm_sourcekey VARCHAR(100);
CREATE UNIQUE INDEX workentry_sourcekey ON tdm_workentry (tdm_sourcekey);
