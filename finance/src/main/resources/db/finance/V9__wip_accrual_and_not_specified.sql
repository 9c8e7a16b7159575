-- Issue 11, points 1, 2 and 10.
-- wipaccrued: whether posting this integration journal line booked Dr WIP sales value / Cr accrued revenue (§9): an
-- unbilled sales line whose project profile accrues revenue and whose line property is "to be invoiced". Posting the
-- invoice reverses exactly the WIP of the lines that accrued it, whatever the profile says by then.
ALTER TABLE projintegrationjournalline ADD COLUMN wipaccrued BOOLEAN DEFAULT FALSE NOT NULL;
-- billingtypedefault.billingtype 0 is "Not specified" (§3.8 Billing type defaults): the line property of a staged
-- actual whose billing type is blank. Dataverse has no option value 0, so it can't collide with a billing type.
