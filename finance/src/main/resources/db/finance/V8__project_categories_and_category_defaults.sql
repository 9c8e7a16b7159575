-- Project categories of a legal entity and its "Project category defaults" (§3.8 Category, issue 11 point 8).
-- Import from staging gives a journal line, and a proposal line, the actual's transaction category when it is a
-- project category of the legal entity (the msdyn_actuals map delivers the Dataverse transaction category's name
-- as TransactionCategoryId), else the default of the line's transaction classification (Dataverse values:
-- 192350000 Time, 192350001 Expense, 192350002 Material, 192350003 Milestone, 192350004 Fee), else none.
CREATE TABLE projcategory (
    dataareaid     VARCHAR(10)  NOT NULL REFERENCES legal_entity (dataareaid),
    categoryid     VARCHAR(50)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, categoryid)
);

CREATE TABLE projcategorydefault (
    dataareaid                VARCHAR(10) NOT NULL REFERENCES legal_entity (dataareaid),
    transactionclassification INTEGER     NOT NULL,
    categoryid                VARCHAR(50) NOT NULL,
    PRIMARY KEY (dataareaid, transactionclassification),
    FOREIGN KEY (dataareaid, categoryid) REFERENCES projcategory (dataareaid, categoryid),
    CONSTRAINT projcategorydefault_class CHECK (transactionclassification IN (192350000, 192350001, 192350002,
        192350003, 192350004))
);

-- The staged category id is the Dataverse transaction category's name, up to 100 characters there.
ALTER TABLE projcdsactualsimport ALTER COLUMN transactioncategoryid SET DATA TYPE VARCHAR(100);
