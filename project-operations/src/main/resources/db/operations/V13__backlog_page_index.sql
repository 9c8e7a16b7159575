-- The billing backlog's pages (issue 16): the oldest unbilled sales actuals not yet invoiced, by document date. With
-- this index a page is read in document-date order from the two billing statuses of the backlog (Unbilled Sales
-- Created, Ready to Invoice) and the read stops after the page: invoiced actuals (other billing statuses) are never
-- walked, and nothing is sorted. Without it every page sorted the whole backlog: 10.5 s for the first page of
-- 100,000 actuals on H2 (whose sort spilled to disk past 40,000 rows), 131 ms on PostgreSQL.
CREATE INDEX actual_backlog_page ON msdyn_actual (msdyn_transactiontypecode, msdyn_billingstatus, msdyn_documentdate,
    msdyn_actualid);
