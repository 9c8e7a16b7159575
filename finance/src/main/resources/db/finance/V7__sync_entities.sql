-- The tables behind Finance's data entities for the table maps (DESIGN §3; docs/dual-write.md "The maps"): reference
-- data Finance is master of (legal entities, customers, exchange rates: sources of the Legal entities, Customers V3
-- and CDS Exchange Rates maps) and project master data Project Operations is master of (projects, project contracts
-- and contract lines: targets of the Projects V2, Project contract headers and Project contract lines maps). Every
-- write to these tables goes through DataEntityWriter from now on, so each change reaches the outbox.

-- Exchange rates: one field identifies a rate across both apps. The table's key is (ratetype, fromcurrency,
-- tocurrency, validfrom); a map key is one field, so rateid = "<ratetype>|<from>|<to>|<yyyy-mm-dd>" (e.g.
-- "ECB|EUR|USD|2025-05-09"), the value Project Operations keeps in msdyn_currencyexchangerateid. It is an ordinary
-- column the write path fills (ExchangeRates.rateId), not a GENERATED one, because the data-entity writer writes
-- every field of the entity; the CHECK keeps it equal to the composite key all the same. modifiedon/modifiedby: a
-- corrected rate is an update now (it used to be a delete and an insert).
ALTER TABLE exchangerate ADD COLUMN rateid VARCHAR(60);
ALTER TABLE exchangerate ADD COLUMN modifiedon TIMESTAMP WITH TIME ZONE;
ALTER TABLE exchangerate ADD COLUMN modifiedby VARCHAR(100);
UPDATE exchangerate SET rateid = ratetype || '|' || fromcurrency || '|' || tocurrency || '|'
    || TO_CHAR(validfrom, 'YYYY-MM-DD'), modifiedon = createdon, modifiedby = createdby;
ALTER TABLE exchangerate ALTER COLUMN rateid SET NOT NULL;
ALTER TABLE exchangerate ALTER COLUMN modifiedon SET NOT NULL;
ALTER TABLE exchangerate ALTER COLUMN modifiedby SET NOT NULL;
ALTER TABLE exchangerate ADD CONSTRAINT exchangerate_rateid UNIQUE (rateid);
ALTER TABLE exchangerate ADD CONSTRAINT exchangerate_rateid_composite CHECK (rateid = ratetype || '|' || fromcurrency
    || '|' || tocurrency || '|' || TO_CHAR(validfrom, 'YYYY-MM-DD'));

-- Projects keep their key (dataareaid, projid). The Projects V2 map keys them by the Dataverse project number
-- (msdyn_projectnumber → projid), unique across legal entities; Finance's sync write path refuses a project id that
-- manual setup created in more than one legal entity, because the data-entity writer updates by projid alone.

-- Project contracts (F&O ProjInvoiceTable), from Project Operations' salesorders ("Project contract headers" map):
-- projinvoiceprojid = the contract number (salesorder.ordernumber, unique across legal entities), description = the
-- contract name, invoiceaccount = the contract customer's account number, currencyid = the contract currency.
CREATE TABLE projinvoicetable (
    projinvoiceprojid VARCHAR(50)  PRIMARY KEY,
    dataareaid        VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    description       VARCHAR(300),
    invoiceaccount    VARCHAR(20)  NOT NULL,
    currencyid        CHAR(3)      NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    FOREIGN KEY (dataareaid, invoiceaccount) REFERENCES custtable (dataareaid, accountnum)
);

-- Project contract lines, from Project Operations' salesorderdetails ("Project contract lines" map). contractlineid
-- = the Dataverse salesorderdetailid (the id staging rows and on-account transactions carry as contractline /
-- contractlineref). billingmethod: TIME_AND_MATERIAL or FIXED_PRICE (the map translates msdyn_billingmethod
-- 192350000 / 192350001).
CREATE TABLE projcontractline (
    contractlineid    UUID         PRIMARY KEY,
    projinvoiceprojid VARCHAR(50)  NOT NULL REFERENCES projinvoicetable (projinvoiceprojid),
    dataareaid        VARCHAR(10)  NOT NULL,
    description       VARCHAR(300),
    billingmethod     VARCHAR(20)  NOT NULL,
    projid            VARCHAR(50)  NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    FOREIGN KEY (dataareaid, projid) REFERENCES projtable (dataareaid, projid),
    CONSTRAINT projcontractline_billingmethod CHECK (billingmethod IN ('TIME_AND_MATERIAL', 'FIXED_PRICE'))
);
CREATE INDEX projcontractline_contract ON projcontractline (projinvoiceprojid);
