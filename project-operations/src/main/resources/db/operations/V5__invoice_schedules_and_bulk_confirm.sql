-- Invoice schedules of Time and Material contract lines and their scheduled runs (§3.5, §4.9, §8 "Automatic
-- invoice creation"), and bulk confirmation jobs (§3.2, §4.1, §8 "Bulk confirm", §11 rule 14).
-- None of these tables is a data entity: they are the app's own bookkeeping and are not synced, so they are
-- written with plain SQL. The invoice bulk confirmation status itself lives on invoice (V4) and goes through the
-- data-entity write path.

-- One row per invoice run date of a contract line: Invoice Run Date, Transaction Cutoff Date (= run date - 1 day)
-- and Run Status [D:SCHED]. salesorderid is the line's contract, kept here because a run groups rows by contract.
-- tdm_runstatus (Tandem's values; the original's are unpublished):
--   690970500 Not Run, 690970501 Run Successful, 690970502 Run Failed.
-- tdm_rundetail: why a run failed, or that it found nothing to invoice. tdm_runon: when the run happened.
CREATE TABLE tdm_invoiceschedule (
    tdm_invoicescheduleid      UUID PRIMARY KEY,
    salesorderdetailid         UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    salesorderid               UUID NOT NULL REFERENCES salesorder (salesorderid),
    tdm_invoicerundate         DATE    NOT NULL,
    tdm_transactioncutoffdate  DATE    NOT NULL,
    tdm_runstatus              INTEGER NOT NULL,
    tdm_rundetail              VARCHAR(1000),
    tdm_runon                  TIMESTAMP WITH TIME ZONE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT invoice_schedule_run_date UNIQUE (salesorderdetailid, tdm_invoicerundate),
    CONSTRAINT invoice_schedule_cutoff CHECK (tdm_transactioncutoffdate < tdm_invoicerundate),
    CONSTRAINT invoice_schedule_run_status CHECK (tdm_runstatus IN (690970500, 690970501, 690970502))
);
CREATE INDEX invoice_schedule_due ON tdm_invoiceschedule (tdm_runstatus, tdm_invoicerundate);

-- The invoices a run created for a schedule row. No foreign key to invoice: a draft created by a run may still be
-- deleted (§4.1), and the row keeps the record of what its run created.
CREATE TABLE tdm_invoicescheduleinvoice (
    tdm_invoicescheduleid UUID NOT NULL REFERENCES tdm_invoiceschedule (tdm_invoicescheduleid),
    invoiceid             UUID NOT NULL,
    PRIMARY KEY (tdm_invoicescheduleid, invoiceid)
);

-- A bulk confirmation job. tdm_status uses the bulk confirmation status values of invoice
-- (690970300 Scheduled, 690970301 Processing, 690970302 Complete, 690970303 Failed).
CREATE TABLE tdm_bulkconfirmjob (
    tdm_bulkconfirmjobid UUID PRIMARY KEY,
    tdm_status           INTEGER NOT NULL,
    tdm_invoicecount     INTEGER NOT NULL,
    tdm_confirmedcount   INTEGER NOT NULL,
    tdm_failedcount      INTEGER NOT NULL,
    tdm_startedon        TIMESTAMP WITH TIME ZONE,
    tdm_finishedon       TIMESTAMP WITH TIME ZONE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT bulk_confirm_job_status CHECK (tdm_status IN (690970300, 690970301, 690970302, 690970303)),
    CONSTRAINT bulk_confirm_job_size CHECK (tdm_invoicecount BETWEEN 1 AND 250)
);
CREATE INDEX bulk_confirm_job_by_status ON tdm_bulkconfirmjob (tdm_status);

-- The invoices of a job, in the order they were given, with the outcome of each in this job (Complete or Failed;
-- NULL until processed). The outcome is kept per job because a Failed invoice may be scheduled again in a later
-- job, which changes the invoice's own bulk confirmation status. No foreign key to invoice, for the same reason as
-- above: a scheduled draft may still be deleted; the job then records it as Failed.
CREATE TABLE tdm_bulkconfirmjobinvoice (
    tdm_bulkconfirmjobid UUID    NOT NULL REFERENCES tdm_bulkconfirmjob (tdm_bulkconfirmjobid),
    invoiceid            UUID    NOT NULL,
    tdm_sequence         INTEGER NOT NULL,
    tdm_outcome          INTEGER,
    PRIMARY KEY (tdm_bulkconfirmjobid, invoiceid)
);
