-- Project invoice proposals (spec §3.9, §3.10, §4.8, §5 steps 10–15, §9, §10, §11 items 16–22). Names follow F&O
-- in lower case where it has them. Data entities (written only through DataEntityWriter, so every change reaches the
-- outbox): projproposaljour, projcdstransactionrelationshipimport, projonacctrans, projcustinvoiceexport. The
-- proposal lines, the import issues and the customer transactions are Finance's own tables: no table map reads them.

-- Invoice proposal header (F&O ProjProposalJour), created by the "Project invoice proposals V2" map when Project
-- Operations confirms a proforma invoice. proposalid = the proforma invoice number, unique across legal entities
-- because Dataverse numbers are. status = ProjLinePropertyCode (0 Open, 1 Approved, 2 Canceled, 3 Invoiced,
-- 4 Submitted, 5 Rejected; F&O column LineProperty). workflowstatus = DRAFT, SUBMITTED, APPROVED, REJECTED,
-- CHANGE_REQUESTED (only moves when the legal entity uses the proposal workflow). Amounts in currencyid:
-- invoiceamount = lines + sales tax (what the customer owes), sumtax = sales tax, onaccountamount = on-account
-- lines before tax. projinvoiceid and ledgervoucher are set when the proposal is posted. expectedamount is
-- Tandem's: the proforma invoice's detail amount (Dataverse totallineitemamount, chargeable lines before tax) when
-- the map delivers it; import then refuses billed sales that don't add up to it (§11 item 19).
CREATE TABLE projproposaljour (
    proposalid        VARCHAR(50)   PRIMARY KEY,
    dataareaid        VARCHAR(10)   NOT NULL REFERENCES legal_entity (dataareaid),
    projinvoiceprojid VARCHAR(50)   NOT NULL,
    fundingsource     VARCHAR(50)   NOT NULL,
    invoiceaccount    VARCHAR(20)   NOT NULL,
    currencyid        CHAR(3)       NOT NULL,
    invoicedate       DATE          NOT NULL,
    duedate           DATE          NOT NULL,
    description       VARCHAR(500),
    status            INTEGER       NOT NULL,
    workflowstatus    VARCHAR(20)   NOT NULL,
    invoiceamount     NUMERIC(19,6) NOT NULL,
    sumtax            NUMERIC(19,6) NOT NULL,
    onaccountamount   NUMERIC(19,6) NOT NULL,
    projinvoiceid     VARCHAR(40),
    ledgervoucher     VARCHAR(40),
    iscreditnote      BOOLEAN       NOT NULL,
    expectedamount    NUMERIC(19,6),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    FOREIGN KEY (dataareaid, invoiceaccount) REFERENCES custtable (dataareaid, accountnum),
    CONSTRAINT projproposaljour_status CHECK (status IN (0, 1, 2, 3, 4, 5)),
    CONSTRAINT projproposaljour_workflow CHECK (workflowstatus IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED',
        'CHANGE_REQUESTED')),
    CONSTRAINT projproposaljour_invoiced CHECK (status <> 3 OR (projinvoiceid IS NOT NULL AND ledgervoucher IS NOT NULL))
);
CREATE INDEX projproposaljour_contract ON projproposaljour (dataareaid, projinvoiceprojid);

-- Proposal lines: one per billed-sales staging row. F&O keeps them in five tables (ProjProposalEmpl hours,
-- ProjProposalCost expenses, ProjProposalItem items, ProjProposalRevenue fees, ProjProposalOnAcc on-account);
-- Tandem keeps one table with linetype. linetransid is the InvoiceProposalLineTransId written back to staging.
-- actualsimportid is UNIQUE: a staging row makes at most one line, whatever two concurrent imports do.
-- Only taxgroup and taxitemgroup change after import (§11 item 21). lineamount and taxamount are in currencyid, at
-- its minor units; lines whose line property is not "to be invoiced" (non-chargeable) are kept but not invoiced.
CREATE TABLE projproposalline (
    linetransid      VARCHAR(50)   PRIMARY KEY,
    proposalid       VARCHAR(50)   NOT NULL REFERENCES projproposaljour (proposalid),
    dataareaid       VARCHAR(10)   NOT NULL,
    linetype         VARCHAR(12)   NOT NULL,
    actualsimportid  UUID          NOT NULL,
    actualid         UUID          NOT NULL,
    projid           VARCHAR(50)   NOT NULL,
    contractline     UUID,
    onacctransid     UUID,
    linepropertyid   VARCHAR(20)   NOT NULL,
    tobeinvoiced     BOOLEAN       NOT NULL,
    transdate        DATE          NOT NULL,
    categoryid       VARCHAR(50),
    description      VARCHAR(500),
    quantity         NUMERIC(19,6) NOT NULL,
    salesprice       NUMERIC(19,6),
    lineamount       NUMERIC(19,6) NOT NULL,
    currencyid       CHAR(3)       NOT NULL,
    taxgroup         VARCHAR(20),
    taxitemgroup     VARCHAR(20),
    taxamount        NUMERIC(19,6) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT projproposalline_stagingrow UNIQUE (actualsimportid),
    CONSTRAINT projproposalline_type CHECK (linetype IN ('HOUR', 'EXPENSE', 'ITEM', 'FEE', 'ON_ACCOUNT'))
);
CREATE INDEX projproposalline_proposal ON projproposalline (proposalid);

-- Why a proposal has no lines yet (§5 step 12, §11 item 18: "Project transaction hasn't been posted yet…"; the
-- integration workspace's Troubleshoot). One row per proposal, replaced by every import attempt and removed when
-- an import succeeds.
CREATE TABLE projproposalimportissue (
    proposalid  VARCHAR(50)   PRIMARY KEY REFERENCES projproposaljour (proposalid),
    dataareaid  VARCHAR(10)   NOT NULL,
    errorcode   VARCHAR(40)   NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    loggedon    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Transaction relationship staging (ProjCDSTransactionRelationshipImportEntity, §3.6, §7.2): the
-- msdyn_transactionconnections map writes Project Operations' connections here. Import reads the
-- Billed Sales ↔ Unbilled Sales connections to find the unbilled sales a billed row needs posted first.
-- Roles are Project Operations' values (192350005 Unbilled Sales, 192350006 Billed Sales, 690970100 Reversing, …);
-- types are entity logical names (msdyn_actual, msdyn_invoicelinetransaction).
CREATE TABLE projcdstransactionrelationshipimport (
    connectionid      UUID         PRIMARY KEY,
    transaction1id    UUID         NOT NULL,
    transaction1role  INTEGER      NOT NULL,
    transaction1type  VARCHAR(100) NOT NULL,
    transaction2id    UUID         NOT NULL,
    transaction2role  INTEGER      NOT NULL,
    transaction2type  VARCHAR(100) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX projcdstransrel_t1 ON projcdstransactionrelationshipimport (transaction1id);
CREATE INDEX projcdstransrel_t2 ON projcdstransactionrelationshipimport (transaction2id);

-- On-account transactions (F&O ProjOnAccTrans, §3.10, §7.2): billing milestones synced by the contract line
-- milestones map. transactionid = the milestone's id. status = the milestone's msdyn_invoicestatus as synced.
-- taxgroup and taxitemgroup are Finance's: defaulted on arrival, editable until a proposal line uses the
-- transaction (proposalid set), then fixed.
CREATE TABLE projonacctrans (
    transactionid     UUID          PRIMARY KEY,
    dataareaid        VARCHAR(10)   NOT NULL REFERENCES legal_entity (dataareaid),
    projid            VARCHAR(50)   NOT NULL,
    projinvoiceprojid VARCHAR(50),
    contractlineref   UUID          NOT NULL,
    currencyid        CHAR(3)       NOT NULL,
    description       VARCHAR(500),
    invoicedate       DATE          NOT NULL,
    amount            NUMERIC(19,6) NOT NULL,
    taxgroup          VARCHAR(20),
    taxitemgroup      VARCHAR(20),
    status            INTEGER       NOT NULL,
    proposalid        VARCHAR(50),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX projonacctrans_line ON projonacctrans (contractlineref);

-- Customer transactions (F&O CustTrans): the open item a posted customer invoice (or credit note, negative)
-- leaves in accounts receivable. amountcur in currencycode; amountmst in the legal entity's accounting currency
-- is exactly the accounting amount of the customer-balance line of the invoice voucher.
CREATE TABLE custtrans (
    dataareaid    VARCHAR(10)    NOT NULL REFERENCES legal_entity (dataareaid),
    invoice       VARCHAR(40)    NOT NULL,
    accountnum    VARCHAR(20)    NOT NULL,
    transdate     DATE           NOT NULL,
    duedate       DATE           NOT NULL,
    currencycode  CHAR(3)        NOT NULL,
    amountcur     NUMERIC(19,6)  NOT NULL,
    amountmst     NUMERIC(19,6)  NOT NULL,
    exchrate      NUMERIC(19,10) NOT NULL,
    voucher       VARCHAR(40)    NOT NULL,
    proposalid    VARCHAR(50)    NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, invoice),
    FOREIGN KEY (dataareaid, accountnum) REFERENCES custtable (dataareaid, accountnum),
    FOREIGN KEY (dataareaid, voucher) REFERENCES ledgervoucher (dataareaid, voucher),
    CONSTRAINT custtrans_proposal UNIQUE (proposalid)
);

-- Customer invoice export ("Project Operations integration invoice proposal export entity", map
-- msdyn_customerinvoices, §10 item 5): what Finance posted, for the proforma invoice in Project Operations —
-- customer invoice number and date, status Posted, invoice-level sales tax. Written once, on posting.
CREATE TABLE projcustinvoiceexport (
    proposalid       VARCHAR(50)   PRIMARY KEY REFERENCES projproposaljour (proposalid),
    dataareaid       VARCHAR(10)   NOT NULL,
    invoiceid        VARCHAR(40)   NOT NULL,
    invoicedate      DATE          NOT NULL,
    duedate          DATE          NOT NULL,
    invoiceaccount   VARCHAR(20)   NOT NULL,
    currencyid       CHAR(3)       NOT NULL,
    invoiceamount    NUMERIC(19,6) NOT NULL,
    sumtax           NUMERIC(19,6) NOT NULL,
    invoiceamountmst NUMERIC(19,6) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    iscreditnote     BOOLEAN       NOT NULL,
    ledgervoucher    VARCHAR(40)   NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT projcustinvoiceexport_invoice UNIQUE (dataareaid, invoiceid),
    CONSTRAINT projcustinvoiceexport_status CHECK (status = 'Posted')
);

-- Import finds the billed-sales rows of a proforma invoice (= proposal) by the staging row's invoiceid.
CREATE INDEX projcdsactualsimport_proforma ON projcdsactualsimport (invoiceid);
