-- Work capture (time, expense, material, fee), actuals, transaction connections and origins (§3.1, §3.6,
-- §4.2-§4.5, §5 steps 2-3).

-- One table for the four kinds of entry; tdm_transactionclass uses the msdyn_transactionclassification values
-- (192350000 Time, 192350001 Expense, 192350002 Material, 192350004 Fee). tdm_status: DRAFT, SUBMITTED, APPROVED,
-- REJECTED (recall and cancel approval return an entry to DRAFT).
CREATE TABLE tdm_workentry (
    tdm_workentryid          UUID PRIMARY KEY,
    tdm_transactionclass     INTEGER      NOT NULL,
    tdm_status               VARCHAR(12)  NOT NULL,
    msdyn_project            UUID NOT NULL REFERENCES msdyn_project (msdyn_projectid),
    msdyn_task               UUID REFERENCES msdyn_projecttask (msdyn_projecttaskid),
    msdyn_bookableresource   UUID REFERENCES bookableresource (bookableresourceid),
    msdyn_resourcecategory   UUID REFERENCES bookableresourcecategory (bookableresourcecategoryid),
    msdyn_transactioncategory UUID REFERENCES msdyn_transactioncategory (msdyn_transactioncategoryid),
    msdyn_product            UUID REFERENCES product (productid),
    msdyn_date               DATE          NOT NULL,
    msdyn_quantity           NUMERIC(19,6) NOT NULL,
    msdyn_price              NUMERIC(19,6),
    transactioncurrency      CHAR(3),
    msdyn_description        VARCHAR(500),
    msdyn_externaldescription VARCHAR(500),
    tdm_rejectionreason      VARCHAR(500),
    tdm_submittedon          TIMESTAMP WITH TIME ZONE,
    tdm_approvedon           TIMESTAMP WITH TIME ZONE,
    tdm_approvedby           VARCHAR(100),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT workentry_status CHECK (tdm_status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT workentry_quantity CHECK (msdyn_quantity >= 0)
);
CREATE INDEX workentry_status ON tdm_workentry (tdm_status);

-- Data entity msdyn_actuals; integration key msdyn_actualid. Option values in docs/data-entities.md.
CREATE TABLE msdyn_actual (
    msdyn_actualid                  UUID PRIMARY KEY,
    msdyn_description               VARCHAR(500),
    msdyn_externaldescription       VARCHAR(500),
    msdyn_transactiontypecode       INTEGER       NOT NULL,
    msdyn_transactionclassification INTEGER       NOT NULL,
    msdyn_billingstatus             INTEGER,
    msdyn_billingtype               INTEGER,
    msdyn_adjustmentstatus          INTEGER,
    msdyn_amountmethod              INTEGER       NOT NULL,
    msdyn_quantity                  NUMERIC(19,6) NOT NULL,
    msdyn_price                     NUMERIC(19,6) NOT NULL,
    msdyn_amount                    NUMERIC(19,6) NOT NULL,
    transactioncurrency             CHAR(3)       NOT NULL,
    exchangerate                    NUMERIC(19,10),
    msdyn_exchangeratedate          DATE,
    msdyn_documentdate              DATE          NOT NULL,
    msdyn_accountingdate            DATE,
    msdyn_startdatetime             DATE          NOT NULL,
    msdyn_enddatetime               DATE,
    msdyn_project                   UUID NOT NULL,
    msdyn_task                      UUID,
    msdyn_salescontract             UUID,
    msdyn_salescontractlineid       UUID,
    msdyn_accountcustomer           UUID,
    msdyn_customertype              INTEGER,
    msdyn_bookableresource          UUID,
    msdyn_resourcecategory          UUID,
    msdyn_resourceorganizationalunitid UUID,
    msdyn_contractorganizationalunitid UUID NOT NULL,
    msdyn_transactioncategory       UUID,
    msdyn_product                   UUID,
    msdyn_unit                      VARCHAR(20),
    msdyn_pricelist                 UUID,
    msdyn_invoice                   UUID,
    msdyn_isjournalized             BOOLEAN       NOT NULL,
    msdyn_externalreferenceid       VARCHAR(100),
    tdm_ntestatus                   INTEGER,
    tdm_ntedetail                   VARCHAR(500),
    tdm_skipsync                    BOOLEAN       NOT NULL,
    tdm_sourcedocumenttype          VARCHAR(60),
    tdm_sourcedocumentid            UUID,
    tdm_accountingamount            NUMERIC(19,6),
    tdm_vouchernumber               VARCHAR(40),
    tdm_salestaxamount              NUMERIC(19,6),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX actual_backlog ON msdyn_actual (msdyn_salescontract, msdyn_transactiontypecode, msdyn_billingstatus);
CREATE INDEX actual_contract_line ON msdyn_actual (msdyn_salescontractlineid);
CREATE INDEX actual_source ON msdyn_actual (tdm_sourcedocumentid);

-- Data entity msdyn_transactionconnections (§3.6). Roles use the transaction-type values for Cost (192350000),
-- Unbilled Sales (192350005), Billed Sales (192350006) and Tandem's values for Reversing (690970100),
-- Original (690970101) and Replacing (690970102). Types are entity logical names (msdyn_actual, ...).
CREATE TABLE msdyn_transactionconnection (
    msdyn_transactionconnectionid UUID PRIMARY KEY,
    msdyn_transaction1      UUID         NOT NULL,
    msdyn_transaction1role  INTEGER      NOT NULL,
    msdyn_transaction1type  VARCHAR(60)  NOT NULL,
    msdyn_transaction2      UUID         NOT NULL,
    msdyn_transaction2role  INTEGER      NOT NULL,
    msdyn_transaction2type  VARCHAR(60)  NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX connection_t1 ON msdyn_transactionconnection (msdyn_transaction1);
CREATE INDEX connection_t2 ON msdyn_transactionconnection (msdyn_transaction2);

-- Transaction origins (§3.6): which document each actual came from.
CREATE TABLE msdyn_transactionorigin (
    msdyn_transactionoriginid UUID PRIMARY KEY,
    msdyn_origin          UUID        NOT NULL,
    msdyn_origintype      VARCHAR(60) NOT NULL,
    msdyn_transaction     UUID        NOT NULL,
    msdyn_transactiontype VARCHAR(60) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL
);
CREATE INDEX origin_origin ON msdyn_transactionorigin (msdyn_origin);
CREATE INDEX origin_transaction ON msdyn_transactionorigin (msdyn_transaction);
