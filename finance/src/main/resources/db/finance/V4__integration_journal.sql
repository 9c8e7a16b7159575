-- Project Operations integration journal (spec §3.8, §4.7): what "Import from staging" makes of the cost and
-- unbilled sales rows of the actuals staging table, and what posting turns into vouchers. Names follow F&O where it
-- has them, in lower case; every table carries the audit columns. Amounts NUMERIC(19,6) in the line's transaction
-- currency unless the column says accounting; exchange rates NUMERIC(19,10) (1 unit of the transaction currency in
-- the accounting currency), as in V1 and V2.

-- Journal headers. Import groups lines by the legal entity's "Period unit on Project Operations Integration
-- journal" (DAYS, MONTHS, YEARS, ALL) applied to the accounting date: periodstart is the first day of the day,
-- month or year, NULL for ALL. A header is DRAFT → PROCESSING → POSTED, or ERROR; lines that fail posting move to a
-- new ERROR journal whose originaljournalid names the journal they came from (the "Original journal" filter).
CREATE TABLE projintegrationjournal (
    dataareaid        VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    journalid         VARCHAR(20)  NOT NULL,
    periodunit        VARCHAR(10)  NOT NULL,
    periodstart       DATE,
    status            VARCHAR(12)  NOT NULL,
    originaljournalid VARCHAR(20),
    description       VARCHAR(200) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, journalid),
    FOREIGN KEY (dataareaid, originaljournalid) REFERENCES projintegrationjournal (dataareaid, journalid),
    CONSTRAINT projintegrationjournal_unit CHECK (periodunit IN ('DAYS', 'MONTHS', 'YEARS', 'ALL')),
    CONSTRAINT projintegrationjournal_period CHECK ((periodunit = 'ALL') = (periodstart IS NULL)),
    CONSTRAINT projintegrationjournal_status CHECK (status IN ('DRAFT', 'PROCESSING', 'POSTED', 'ERROR'))
);
CREATE INDEX projintegrationjournal_status ON projintegrationjournal (dataareaid, status);
CREATE INDEX projintegrationjournal_original ON projintegrationjournal (dataareaid, originaljournalid);

-- Journal lines: one per actual (§3.8). The unique actual id is the last guard against importing an actual twice
-- (two concurrent imports, §8); the claim on the staging row is the first. Only taxgroup, itemtaxgroup and
-- dimensions (financial dimensions as free text) are editable (§11 item 21). A POSTED line carries its voucher, the
-- accounting date it was posted on and its accounting-currency amount; after that only its status could change,
-- and nothing changes it (corrections are reversal vouchers).
CREATE TABLE projintegrationjournalline (
    lineid                    UUID          PRIMARY KEY,
    dataareaid                VARCHAR(10)   NOT NULL,
    journalid                 VARCHAR(20)   NOT NULL,
    actualid                  UUID          NOT NULL,
    actualsimportid           UUID          NOT NULL REFERENCES projcdsactualsimport (actualsimportid),
    transtype                 INTEGER       NOT NULL,
    transactionclassification INTEGER       NOT NULL,
    projid                    VARCHAR(50)   NOT NULL,
    contractid                VARCHAR(50),
    categoryid                VARCHAR(50),
    quantity                  NUMERIC(19,6) NOT NULL,
    unitprice                 NUMERIC(19,6),
    amount                    NUMERIC(19,6) NOT NULL,
    currency                  CHAR(3)       NOT NULL,
    transdate                 DATE          NOT NULL,
    accountingdate            DATE          NOT NULL,
    exchangerate              NUMERIC(19,10) NOT NULL,
    billingtype               INTEGER,
    linepropertyid            VARCHAR(20),
    customeraccount           VARCHAR(50),
    description               VARCHAR(500),
    taxgroup                  VARCHAR(20),
    itemtaxgroup              VARCHAR(20),
    dimensions                VARCHAR(500),
    status                    VARCHAR(12)   NOT NULL,
    errormessage              VARCHAR(1000),
    voucher                   VARCHAR(40),
    postedaccountingdate      DATE,
    accountingamount          NUMERIC(19,6),
    salestaxamount            NUMERIC(19,6),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT projintegrationjournalline_actual UNIQUE (actualid),
    FOREIGN KEY (dataareaid, journalid) REFERENCES projintegrationjournal (dataareaid, journalid),
    FOREIGN KEY (dataareaid, linepropertyid) REFERENCES projlineproperty (dataareaid, linepropertyid),
    CONSTRAINT projintegrationjournalline_type CHECK (transtype IN (192350000, 192350005)),
    CONSTRAINT projintegrationjournalline_status CHECK (status IN ('DRAFT', 'PROCESSING', 'POSTED', 'ERROR')),
    CONSTRAINT projintegrationjournalline_posted CHECK (status <> 'POSTED'
        OR (voucher IS NOT NULL AND postedaccountingdate IS NOT NULL AND accountingamount IS NOT NULL)),
    CONSTRAINT projintegrationjournalline_rate CHECK (exchangerate > 0)
);
CREATE INDEX projintegrationjournalline_journal ON projintegrationjournalline (dataareaid, journalid, status, lineid);

-- Import errors (§3.8, §11 item 20): a staged actual that Import from staging could not turn into a line (no
-- exchange rate, no line property) stays unprocessed and each attempt logs one row naming it.
CREATE TABLE projintegrationimporterror (
    errorid         UUID          PRIMARY KEY,
    dataareaid      VARCHAR(10)   NOT NULL,
    actualsimportid UUID          NOT NULL REFERENCES projcdsactualsimport (actualsimportid),
    actualid        UUID          NOT NULL,
    errorcode       VARCHAR(40)   NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL
);
CREATE INDEX projintegrationimporterror_actual ON projintegrationimporterror (dataareaid, actualid);

-- Import from staging reads the unprocessed, non-duplicate rows of one legal entity in pages ordered by the row id
-- (keyset pagination): the equality columns first, then the key, so each page is one ordered index range.
CREATE INDEX projcdsactualsimport_import ON projcdsactualsimport (projectdataareaid, isprocessed, isduplicate,
    actualsimportid);
