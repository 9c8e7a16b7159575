-- Exchange rate types and sales tax (§3.8, §9, §11 item 20). Names follow F&O where it has them, in lower case.

-- Exchange rate types (F&O "Exchange rate types"): every rate belongs to one, and a legal entity names the one its
-- journals use (legal_entity.exchangeratetype). ECB is seeded because legal entities default to it.
CREATE TABLE exchangeratetype (
    ratetype     VARCHAR(20)  PRIMARY KEY,
    description  VARCHAR(200) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

INSERT INTO exchangeratetype (ratetype, description, createdon, createdby, modifiedon, modifiedby)
VALUES ('ECB', 'European Central Bank euro foreign exchange reference rates', CURRENT_TIMESTAMP, 'migration',
        CURRENT_TIMESTAMP, 'migration');

-- Rates stored before this migration keep their type: each type they use becomes a row, so the key below holds.
INSERT INTO exchangeratetype (ratetype, description, createdon, createdby, modifiedon, modifiedby)
SELECT DISTINCT r.ratetype, r.ratetype, CURRENT_TIMESTAMP, 'migration', CURRENT_TIMESTAMP, 'migration'
FROM exchangerate r
WHERE NOT EXISTS (SELECT 1 FROM exchangeratetype t WHERE t.ratetype = r.ratetype);

ALTER TABLE exchangerate ADD CONSTRAINT exchangerate_type FOREIGN KEY (ratetype) REFERENCES exchangeratetype (ratetype);

-- Sales tax codes (F&O TaxTable): how the tax of one code is rounded. roundingmode NEAREST (half away from zero),
-- UP (away from zero) or DOWN (towards zero), to a multiple of roundingprecision (0.01, 0.05, 1 ...).
CREATE TABLE taxtable (
    dataareaid         VARCHAR(10)   NOT NULL REFERENCES legal_entity (dataareaid),
    taxcode            VARCHAR(20)   NOT NULL,
    name               VARCHAR(100)  NOT NULL,
    roundingmode       VARCHAR(10)   NOT NULL,
    roundingprecision  NUMERIC(19,6) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, taxcode),
    CONSTRAINT taxtable_rounding_mode CHECK (roundingmode IN ('NEAREST', 'UP', 'DOWN')),
    CONSTRAINT taxtable_rounding_precision CHECK (roundingprecision > 0)
);

-- Sales tax code values (F&O TaxData): the rate in percent from validfrom to validto (inclusive; no validto = open).
-- Intervals of one code do not overlap (SalesTaxSetup checks it), so a date has at most one rate.
CREATE TABLE taxdata (
    dataareaid   VARCHAR(10)  NOT NULL,
    taxcode      VARCHAR(20)  NOT NULL,
    validfrom    DATE         NOT NULL,
    validto      DATE,
    ratepercent  NUMERIC(9,4) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, taxcode, validfrom),
    FOREIGN KEY (dataareaid, taxcode) REFERENCES taxtable (dataareaid, taxcode),
    CONSTRAINT taxdata_dates CHECK (validto IS NULL OR validto >= validfrom),
    CONSTRAINT taxdata_rate CHECK (ratepercent >= 0 AND ratepercent <= 100)
);

-- Sales tax groups (F&O TaxGroupHeading / TaxGroupData): the codes that may apply to a customer, project or contract.
CREATE TABLE taxgroupheading (
    dataareaid  VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    taxgroup    VARCHAR(20)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, taxgroup)
);

CREATE TABLE taxgroupdata (
    dataareaid  VARCHAR(10) NOT NULL,
    taxgroup    VARCHAR(20) NOT NULL,
    taxcode     VARCHAR(20) NOT NULL,
    PRIMARY KEY (dataareaid, taxgroup, taxcode),
    FOREIGN KEY (dataareaid, taxgroup) REFERENCES taxgroupheading (dataareaid, taxgroup),
    FOREIGN KEY (dataareaid, taxcode) REFERENCES taxtable (dataareaid, taxcode)
);

-- Item sales tax groups (F&O TaxItemGroupHeading / TaxOnItem): the codes that may apply to what is sold (a project
-- category). Only codes in both the sales tax group and the item sales tax group are calculated.
CREATE TABLE taxitemgroupheading (
    dataareaid   VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    taxitemgroup VARCHAR(20)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, taxitemgroup)
);

CREATE TABLE taxonitem (
    dataareaid   VARCHAR(10) NOT NULL,
    taxitemgroup VARCHAR(20) NOT NULL,
    taxcode      VARCHAR(20) NOT NULL,
    PRIMARY KEY (dataareaid, taxitemgroup, taxcode),
    FOREIGN KEY (dataareaid, taxitemgroup) REFERENCES taxitemgroupheading (dataareaid, taxitemgroup),
    FOREIGN KEY (dataareaid, taxcode) REFERENCES taxtable (dataareaid, taxcode)
);

-- The sales tax group of a project contract (ProjInvoiceProjId), used by the "Project contract" and "Search" sales
-- tax group methods (§3.8). Finance has no contract table of its own (projects carry the contract id), so the
-- contract's group lives here.
CREATE TABLE projcontracttaxgroup (
    dataareaid        VARCHAR(10) NOT NULL,
    projinvoiceprojid VARCHAR(50) NOT NULL,
    taxgroup          VARCHAR(20) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, projinvoiceprojid),
    FOREIGN KEY (dataareaid, taxgroup) REFERENCES taxgroupheading (dataareaid, taxgroup)
);
