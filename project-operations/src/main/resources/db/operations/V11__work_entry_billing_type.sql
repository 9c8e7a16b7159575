-- A work entry may be marked Non Chargeable (msdyn_billingtype 192350000) when it is entered, e.g. a time-tracker
-- row its tracker marks non-billable: approval then gives its unbilled sales the entry's billing type instead of the
-- contract line's (§4.4, §5 step 3). NULL: the contract line's chargeability decides, as before.
ALTER TABLE tdm_workentry ADD COLUMN msdyn_billingtype INTEGER;
