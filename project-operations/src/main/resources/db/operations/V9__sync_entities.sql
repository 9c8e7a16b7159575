-- What dual-write needs of Project Operations beyond V1-V8 (DESIGN §3; specification §3.2, §7, §10; entities in
-- dev.tandem.operations.OperationsDataEntities, write paths in dev.tandem.operations.sync).

-- Data entity cdm_companies: legal entities, Finance is master (map "Legal entities", §7). cdm_companycode is the
-- company (dataareaid) that msdyn_organizationalunit.tdm_legalentity names.
CREATE TABLE cdm_company (
    cdm_companycode        VARCHAR(10)  PRIMARY KEY,
    cdm_name               VARCHAR(100) NOT NULL,
    tdm_accountingcurrency CHAR(3)      NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Data entity msdyn_currencyexchangerates: 1 unit of msdyn_fromcurrency = msdyn_rate units of msdyn_tocurrency from
-- msdyn_validfrom on, per rate type; Finance is master (map "CDS Exchange Rates", §7). The integration key is the
-- natural composite key as text, '<ratetype>|<from>|<to>|<yyyy-mm-dd>', e.g. 'ECB|EUR|USD|2026-03-02'.
CREATE TABLE msdyn_currencyexchangerate (
    msdyn_currencyexchangerateid VARCHAR(80)    PRIMARY KEY,
    msdyn_ratetype               VARCHAR(20)    NOT NULL,
    msdyn_fromcurrency           CHAR(3)        NOT NULL,
    msdyn_tocurrency             CHAR(3)        NOT NULL,
    msdyn_rate                   NUMERIC(19,10) NOT NULL,
    msdyn_validfrom              DATE           NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT currencyexchangerate_natural_key UNIQUE (msdyn_ratetype, msdyn_fromcurrency, msdyn_tocurrency,
                                                        msdyn_validfrom),
    CONSTRAINT currencyexchangerate_positive CHECK (msdyn_rate > 0)
);

-- The posted customer invoice of a proforma invoice, written back by map msdyn_customerinvoices when Finance posts
-- the invoice proposal (§10 item 5; the original's column names are unpublished, §3.2): customer invoice number and
-- date, invoice-level sales tax, and the invoice amount, in the invoice currency. NULL until posted.
-- msdyn_projectinvoicestatus gains Tandem's value 690970000 Posted (the original's is unpublished, §3.2).
ALTER TABLE invoice ADD COLUMN tdm_customerinvoicenumber VARCHAR(40);
ALTER TABLE invoice ADD COLUMN tdm_customerinvoicedate DATE;
ALTER TABLE invoice ADD COLUMN tdm_customerinvoicetax NUMERIC(19,6);
ALTER TABLE invoice ADD COLUMN tdm_customerinvoiceamount NUMERIC(19,6);
