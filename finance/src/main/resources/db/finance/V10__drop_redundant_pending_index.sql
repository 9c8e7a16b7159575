-- Issue 13: projcdsactualsimport_pending (projectdataareaid, isprocessed) is the prefix of projcdsactualsimport_import
-- (projectdataareaid, isprocessed, isduplicate, actualsimportid), which serves every query it served. H2's planner
-- preferred the shorter one for Import from staging's pages and then sorted every pending row for each page; without
-- it the pages are read in index order. One index fewer to maintain on every staged actual, too.
DROP INDEX projcdsactualsimport_pending;
