-- Project contracts, contract lines, contract-line customers, chargeability and milestones (§3.5, §5 step 1).

-- Data entity salesorders; integration key ordernumber. tdm_contractstatus: 192350000 Draft, 192350001 Confirmed.
CREATE TABLE salesorder (
    salesorderid        UUID PRIMARY KEY,
    ordernumber         VARCHAR(30)  NOT NULL UNIQUE,
    name                VARCHAR(300) NOT NULL,
    customerid          UUID NOT NULL REFERENCES account (accountid),
    msdyn_contractorganizationalunitid UUID NOT NULL REFERENCES msdyn_organizationalunit (msdyn_organizationalunitid),
    transactioncurrency CHAR(3)      NOT NULL,
    pricelevelid        UUID REFERENCES pricelevel (pricelevelid),
    tdm_contractstatus  INTEGER      NOT NULL,
    tdm_ntelimit        NUMERIC(19,6),
    tdm_confirmedon     TIMESTAMP WITH TIME ZONE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Further sales price lists of a contract (besides its default pricelevelid), e.g. next year's rates.
CREATE TABLE msdyn_projectpricelist (
    salesorderid UUID NOT NULL REFERENCES salesorder (salesorderid),
    pricelevelid UUID NOT NULL REFERENCES pricelevel (pricelevelid),
    PRIMARY KEY (salesorderid, pricelevelid)
);

-- Not-to-exceed limit of one customer across the whole contract ("contract customer" level, §4.5).
CREATE TABLE tdm_contractcustomer (
    salesorderid UUID NOT NULL REFERENCES salesorder (salesorderid),
    accountid    UUID NOT NULL REFERENCES account (accountid),
    tdm_ntelimit NUMERIC(19,6),
    PRIMARY KEY (salesorderid, accountid)
);

-- Data entity salesorderdetails; integration key salesorderdetailid. msdyn_billingmethod: 192350000 Time and
-- Material, 192350001 Fixed Price.
CREATE TABLE salesorderdetail (
    salesorderdetailid   UUID PRIMARY KEY,
    salesorderid         UUID NOT NULL REFERENCES salesorder (salesorderid),
    lineitemnumber       INTEGER      NOT NULL,
    productdescription   VARCHAR(300) NOT NULL,
    msdyn_billingmethod  INTEGER      NOT NULL,
    msdyn_project        UUID NOT NULL REFERENCES msdyn_project (msdyn_projectid),
    msdyn_includetime    BOOLEAN NOT NULL,
    msdyn_includeexpense BOOLEAN NOT NULL,
    msdyn_includematerial BOOLEAN NOT NULL,
    msdyn_includefee     BOOLEAN NOT NULL,
    tdm_selectedtasksonly BOOLEAN NOT NULL,
    tdm_ntelimit         NUMERIC(19,6),
    tdm_contractedamount NUMERIC(19,6),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT contract_line_number UNIQUE (salesorderid, lineitemnumber),
    CONSTRAINT contract_line_billing_method CHECK (msdyn_billingmethod IN (192350000, 192350001))
);

-- Tasks of a contract line with "Selected project tasks only".
CREATE TABLE tdm_contractlinetask (
    salesorderdetailid  UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    msdyn_projecttaskid UUID NOT NULL REFERENCES msdyn_projecttask (msdyn_projecttaskid),
    PRIMARY KEY (salesorderdetailid, msdyn_projecttaskid)
);

-- Contract-line customers (funding sources): billing split, NTE limit, the one that takes the rounding.
CREATE TABLE msdyn_projectcontractsplitbillingrule (
    msdyn_projectcontractsplitbillingruleid UUID PRIMARY KEY,
    msdyn_contractline       UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    msdyn_customer           UUID NOT NULL REFERENCES account (accountid),
    msdyn_allocationpercentage NUMERIC(9,6) NOT NULL,
    tdm_ntelimit             NUMERIC(19,6),
    tdm_isrounding           BOOLEAN NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT split_customer_once UNIQUE (msdyn_contractline, msdyn_customer),
    CONSTRAINT split_percent_range CHECK (msdyn_allocationpercentage >= 0 AND msdyn_allocationpercentage <= 100)
);

-- Chargeable components of a contract line (§5 step 1): tasks apply to every class, roles to Time only,
-- categories to Expense only. msdyn_billingtype as on actuals.
CREATE TABLE tdm_contractlinechargeability (
    salesorderdetailid UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    tdm_componenttype  VARCHAR(10) NOT NULL,
    tdm_componentid    UUID NOT NULL,
    msdyn_billingtype  INTEGER NOT NULL,
    PRIMARY KEY (salesorderdetailid, tdm_componenttype, tdm_componentid),
    CONSTRAINT chargeability_component CHECK (tdm_componenttype IN ('TASK', 'ROLE', 'CATEGORY'))
);

-- Data entity msdyn_contractlinescheduleofvalues (fixed-price milestones). msdyn_invoicestatus: 192350000 Not
-- Ready for invoicing, 192350001 Ready for invoicing, 192350002 Customer invoice created, 192350003 Customer
-- invoice posted (§3.5, §4.6).
CREATE TABLE msdyn_contractlinescheduleofvalue (
    msdyn_contractlinescheduleofvalueid UUID PRIMARY KEY,
    msdyn_name           VARCHAR(200) NOT NULL,
    msdyn_contractlineid UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    msdyn_salescontract  UUID NOT NULL REFERENCES salesorder (salesorderid),
    msdyn_projecttask    UUID REFERENCES msdyn_projecttask (msdyn_projecttaskid),
    msdyn_invoicedate    DATE          NOT NULL,
    msdyn_amount         NUMERIC(19,6) NOT NULL,
    msdyn_tax            NUMERIC(19,6) NOT NULL,
    msdyn_amount_after_tax NUMERIC(19,6) NOT NULL,
    msdyn_invoicestatus  INTEGER       NOT NULL,
    transactioncurrency  CHAR(3)       NOT NULL,
    msdyn_invoice        UUID,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX milestone_contract_line ON msdyn_contractlinescheduleofvalue (msdyn_contractlineid);
CREATE INDEX milestone_contract ON msdyn_contractlinescheduleofvalue (msdyn_salescontract, msdyn_invoicestatus);
