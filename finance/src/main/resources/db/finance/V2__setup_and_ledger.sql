-- Finance setup and the general ledger (§3.8, §9, §11 items 17, 20). Names follow F&O where it has them, in lower
-- case. Every table carries the audit columns; posted ledger rows are never updated or deleted (corrections are
-- reversal vouchers).

-- Legal entities (companies) with their accounting currency and the parameters Import from staging and posting
-- read: "Period unit on Project Operations Integration journal" (DAYS, MONTHS, YEARS, ALL), "Automatically set
-- accounting date to open ledger period", the sales tax group method (PROJECT, CONTRACT, CUSTOMER, SEARCH), the
-- proposal approval workflow, and the account that takes rounding differences of currency conversion.
CREATE TABLE legal_entity (
    dataareaid                   VARCHAR(10)  PRIMARY KEY,
    name                         VARCHAR(100) NOT NULL,
    accountingcurrency           CHAR(3)      NOT NULL,
    exchangeratetype             VARCHAR(20)  NOT NULL,
    journalperiodunit            VARCHAR(10)  NOT NULL,
    autoopenperiod               BOOLEAN      NOT NULL,
    salestaxgroupmethod          VARCHAR(10)  NOT NULL,
    proposalworkflow             BOOLEAN      NOT NULL,
    roundingaccount              VARCHAR(20),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT legal_entity_period_unit CHECK (journalperiodunit IN ('DAYS', 'MONTHS', 'YEARS', 'ALL')),
    CONSTRAINT legal_entity_tax_method CHECK (salestaxgroupmethod IN ('PROJECT', 'CONTRACT', 'CUSTOMER', 'SEARCH'))
);

-- Fiscal calendar: ledger periods of a legal entity, each OPEN, ON_HOLD or CLOSED.
CREATE TABLE fiscal_period (
    dataareaid   VARCHAR(10) NOT NULL REFERENCES legal_entity (dataareaid),
    periodstart  DATE        NOT NULL,
    periodend    DATE        NOT NULL,
    name         VARCHAR(40) NOT NULL,
    status       VARCHAR(10) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, periodstart),
    CONSTRAINT fiscal_period_dates CHECK (periodend >= periodstart),
    CONSTRAINT fiscal_period_status CHECK (status IN ('OPEN', 'ON_HOLD', 'CLOSED'))
);

-- Chart of accounts.
CREATE TABLE mainaccount (
    dataareaid     VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    mainaccountid  VARCHAR(20)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    accounttype    VARCHAR(20)  NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, mainaccountid),
    CONSTRAINT mainaccount_type CHECK (accounttype IN ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE'))
);

-- Customers: account number, customer group, payment terms (days).
CREATE TABLE custtable (
    dataareaid   VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    accountnum   VARCHAR(20)  NOT NULL,
    name         VARCHAR(160) NOT NULL,
    custgroup    VARCHAR(20)  NOT NULL,
    paymtermdays INTEGER      NOT NULL,
    currency     CHAR(3)      NOT NULL,
    taxgroup     VARCHAR(20),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, accountnum)
);

-- Projects as Finance knows them (synced by the Projects V2 map): project group and contract.
CREATE TABLE projgroup (
    dataareaid  VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    projgroupid VARCHAR(20)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, projgroupid)
);

CREATE TABLE projtable (
    dataareaid        VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    projid            VARCHAR(50)  NOT NULL,
    name              VARCHAR(200) NOT NULL,
    projgroupid       VARCHAR(20)  NOT NULL,
    projinvoiceprojid VARCHAR(50),
    custaccount       VARCHAR(20),
    taxgroup          VARCHAR(20),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, projid),
    FOREIGN KEY (dataareaid, projgroupid) REFERENCES projgroup (dataareaid, projgroupid)
);

-- Project cost and revenue profiles (§9): the posting accounts, and whether revenue is accrued (WIP).
CREATE TABLE projpostingprofile (
    dataareaid            VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    profileid             VARCHAR(20)  NOT NULL,
    name                  VARCHAR(100) NOT NULL,
    accruerevenue         BOOLEAN      NOT NULL,
    costaccount           VARCHAR(20)  NOT NULL,
    costoffsetaccount     VARCHAR(20)  NOT NULL,
    wipsalesvalueaccount  VARCHAR(20),
    accruedrevenueaccount VARCHAR(20),
    invoicedrevenueaccount VARCHAR(20) NOT NULL,
    onaccountrevenueaccount VARCHAR(20),
    wiponaccountaccount   VARCHAR(20),
    customerbalanceaccount VARCHAR(20) NOT NULL,
    salestaxpayableaccount VARCHAR(20) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, profileid),
    CONSTRAINT profile_wip_accounts CHECK (NOT accruerevenue
        OR (wipsalesvalueaccount IS NOT NULL AND accruedrevenueaccount IS NOT NULL))
);

-- Profile rules: which profile applies to a contract, a project group or a project; the most specific wins
-- ("The system always picks the highest granularity rule first", §9): project, then contract, then group.
CREATE TABLE projpostingprofilerule (
    dataareaid  VARCHAR(10) NOT NULL REFERENCES legal_entity (dataareaid),
    rulelevel   VARCHAR(15) NOT NULL,
    rulekey     VARCHAR(50) NOT NULL,
    profileid   VARCHAR(20) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, rulelevel, rulekey),
    FOREIGN KEY (dataareaid, profileid) REFERENCES projpostingprofile (dataareaid, profileid),
    CONSTRAINT profile_rule_level CHECK (rulelevel IN ('PROJECT', 'CONTRACT', 'PROJECT_GROUP'))
);

-- Line properties and the billing-type defaults that map actuals to them (§3.8, "Billing type defaults").
CREATE TABLE projlineproperty (
    dataareaid     VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    linepropertyid VARCHAR(20)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    tobeinvoiced   BOOLEAN      NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, linepropertyid)
);

CREATE TABLE billingtypedefault (
    dataareaid     VARCHAR(10) NOT NULL REFERENCES legal_entity (dataareaid),
    billingtype    INTEGER     NOT NULL,
    linepropertyid VARCHAR(20) NOT NULL,
    PRIMARY KEY (dataareaid, billingtype),
    FOREIGN KEY (dataareaid, linepropertyid) REFERENCES projlineproperty (dataareaid, linepropertyid)
);

-- Number sequences: vouchers, invoice proposals (a supplied number, lower or higher, is accepted: §11 item 17),
-- customer invoices.
CREATE TABLE numbersequencetable (
    dataareaid   VARCHAR(10) NOT NULL REFERENCES legal_entity (dataareaid),
    code         VARCHAR(30) NOT NULL,
    prefix       VARCHAR(10) NOT NULL,
    width        INTEGER     NOT NULL,
    nextrec      BIGINT      NOT NULL,
    allowmanual  BOOLEAN     NOT NULL,
    PRIMARY KEY (dataareaid, code)
);

-- Exchange rates: 1 unit of fromcurrency = rate units of tocurrency from validfrom on, per rate type. The ECB
-- reference rates load as EUR → X; other pairs are derived through EUR (cross rates).
CREATE TABLE exchangerate (
    ratetype     VARCHAR(20)   NOT NULL,
    fromcurrency CHAR(3)       NOT NULL,
    tocurrency   CHAR(3)       NOT NULL,
    validfrom    DATE          NOT NULL,
    rate         NUMERIC(19,10) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    PRIMARY KEY (ratetype, fromcurrency, tocurrency, validfrom),
    CONSTRAINT exchangerate_positive CHECK (rate > 0)
);

-- Fixed-rate agreements per contract (§9): the contract's transactions convert at this rate, whatever the date.
CREATE TABLE contractfixedrate (
    dataareaid        VARCHAR(10)    NOT NULL REFERENCES legal_entity (dataareaid),
    projinvoiceprojid VARCHAR(50)    NOT NULL,
    currency          CHAR(3)        NOT NULL,
    rate              NUMERIC(19,10) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, projinvoiceprojid, currency),
    CONSTRAINT contractfixedrate_positive CHECK (rate > 0)
);

-- The general ledger: one voucher per posting, its lines balanced per transaction currency and in the
-- accounting currency (DESIGN §4 invariant 3). Debits are positive, credits negative.
CREATE TABLE ledgervoucher (
    dataareaid      VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    voucher         VARCHAR(40)  NOT NULL,
    accountingdate  DATE         NOT NULL,
    description     VARCHAR(300) NOT NULL,
    sourcetype      VARCHAR(40)  NOT NULL,
    sourceid        VARCHAR(100),
    reversesvoucher VARCHAR(40),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, voucher)
);

CREATE TABLE generaljournalentry (
    dataareaid        VARCHAR(10)    NOT NULL,
    voucher           VARCHAR(40)    NOT NULL,
    lineno            INTEGER        NOT NULL,
    mainaccountid     VARCHAR(20)    NOT NULL,
    transactioncurrency CHAR(3)      NOT NULL,
    amountcur         NUMERIC(19,6)  NOT NULL,
    accountingamount  NUMERIC(19,6)  NOT NULL,
    exchangerate      NUMERIC(19,10) NOT NULL,
    accountingdate    DATE           NOT NULL,
    projid            VARCHAR(50),
    custaccount       VARCHAR(20),
    description       VARCHAR(300),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, voucher, lineno),
    FOREIGN KEY (dataareaid, voucher) REFERENCES ledgervoucher (dataareaid, voucher),
    FOREIGN KEY (dataareaid, mainaccountid) REFERENCES mainaccount (dataareaid, mainaccountid)
);
CREATE INDEX gje_account ON generaljournalentry (dataareaid, mainaccountid, accountingdate);
