-- Actuals staging ("Project actuals import", F&O table ProjCDSActualsImport, spec §3.7). The actuals table map
-- writes Project Operations actuals here; "Import from staging" turns unprocessed rows into integration journal
-- lines; posting writes the accounting details (voucher, accounting amount, sales tax) back through the same map.
--
-- Column names are the F&O names in lower case, so a reader of the map (ACTUALID, AMOUNTMST, ...) finds them.
-- Types: Dataverse row ids (actual, task, contract line, organisational units, category, resource, owner) are UUID
-- because Tandem keeps a row's id across both apps; F&O business identifiers (project id, contract id, invoice id,
-- proposal id, voucher, customer account) are the numbers users read, so VARCHAR. Option-set values (transaction
-- type, classification, billing type and status, adjustment status) are the Dataverse INTEGER values, as the
-- actual carries them. Amounts and quantities are NUMERIC(19,6); exchange rates NUMERIC(19,10) as on the actual.
CREATE TABLE projcdsactualsimport (
    actualsimportid            UUID PRIMARY KEY,
    actualid                   UUID          NOT NULL,
    accountingdate             DATE,
    adjustmentstatus           INTEGER,
    amount                     NUMERIC(19,6) NOT NULL,   -- transaction currency (AmountCur)
    amountmst                  NUMERIC(19,6),            -- accounting currency of the legal entity
    billingstatusid            INTEGER,
    billingtype                INTEGER,
    contractid                 VARCHAR(50),              -- ProjInvoiceProjId: the contract's number
    contractline               UUID,
    contractingunit            UUID,
    description                VARCHAR(500),
    documentdate               DATE          NOT NULL,
    startdate                  DATE,
    enddate                    DATE,
    exchangeratedate           DATE,
    exchangerate               NUMERIC(19,10),
    externaldescription        VARCHAR(500),
    externalreference          VARCHAR(100),
    invoiceid                  VARCHAR(50),              -- ProjInvoiceId: the proforma invoice number
    isjournalized              BOOLEAN       NOT NULL DEFAULT FALSE,
    owningbusinessid           UUID,
    owninguser                 UUID,
    projectid                  VARCHAR(50)   NOT NULL,   -- the project's number
    quantity                   NUMERIC(19,6) NOT NULL,
    status                     INTEGER,
    statusreason               INTEGER,
    taskid                     UUID,
    transactionclassification  INTEGER       NOT NULL,
    transactioncategory        UUID,
    transactioncategoryid      VARCHAR(50),              -- the legal entity's project category
    transactioncurrencyid      CHAR(3)       NOT NULL,   -- ISO 4217 code
    transtype                  INTEGER       NOT NULL,
    unitofmeasure              VARCHAR(20),
    unitprice                  NUMERIC(19,6),
    unitpricemst               NUMERIC(19,6),
    projadvancedjournalline    UUID,                     -- the integration journal line made from this row
    resourceid                 UUID,
    resourceoperationunitid    UUID,
    projectdataareaid          VARCHAR(10)   NOT NULL,   -- legal entity (company) of the project
    -- Processing fields (§3.7): whether "Import from staging" has taken the row, how many import attempts it
    -- has seen, and whether it repeats an actual that was already journalised.
    isprocessed                BOOLEAN       NOT NULL DEFAULT FALSE,
    integrationcount           INTEGER       NOT NULL DEFAULT 0,
    isduplicate                BOOLEAN       NOT NULL DEFAULT FALSE,
    customeraccountnumber      VARCHAR(50),
    productnumber              VARCHAR(50),
    -- Write-back of the accounting details to Project Operations (§10).
    vouchernumber              VARCHAR(40),
    salestaxamount             NUMERIC(19,6),
    accountingamount           NUMERIC(19,6),
    bookableresourcename       VARCHAR(200),
    activitynumber             VARCHAR(50),
    fundingsourceid            VARCHAR(50),
    invoiceproposalid          VARCHAR(50),
    invoiceproposallinetransid VARCHAR(50),
    createdon                  TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby                  VARCHAR(100)  NOT NULL,
    modifiedon                 TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby                 VARCHAR(100)  NOT NULL,
    -- The actual id is the integration key of the map: one staging row per actual.
    CONSTRAINT projcdsactualsimport_actualid UNIQUE (actualid),
    CONSTRAINT projcdsactualsimport_integrationcount CHECK (integrationcount >= 0),
    CONSTRAINT projcdsactualsimport_exchangerate CHECK (exchangerate IS NULL OR exchangerate > 0)
);

-- "Import from staging" reads the unprocessed rows of one legal entity.
CREATE INDEX projcdsactualsimport_pending ON projcdsactualsimport (projectdataareaid, isprocessed);
-- Posting a proposal writes back to the rows of that proposal.
CREATE INDEX projcdsactualsimport_proposal ON projcdsactualsimport (invoiceproposalid);
