-- Project Operations master data and price lists (§3.5, §5 step 1).
-- Column names follow the Dataverse logical names where the original publishes them; tdm_ columns are Tandem's
-- own where it does not (docs/data-entities.md). Every table carries the Dataverse audit columns.

CREATE TABLE account (
    accountid      UUID PRIMARY KEY,
    accountnumber  VARCHAR(20)  NOT NULL UNIQUE,
    name           VARCHAR(160) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Contracting and resourcing units; the currency is the unit's (cost actuals are in the contracting unit's).
CREATE TABLE msdyn_organizationalunit (
    msdyn_organizationalunitid UUID PRIMARY KEY,
    msdyn_name          VARCHAR(100) NOT NULL UNIQUE,
    transactioncurrency CHAR(3)      NOT NULL,
    tdm_legalentity     VARCHAR(10)  NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Data entity msdyn_projects; integration key msdyn_projectnumber.
CREATE TABLE msdyn_project (
    msdyn_projectid      UUID PRIMARY KEY,
    msdyn_projectnumber  VARCHAR(30)  NOT NULL UNIQUE,
    msdyn_subject        VARCHAR(200) NOT NULL,
    msdyn_customer       UUID REFERENCES account (accountid),
    msdyn_contractorganizationalunitid UUID NOT NULL REFERENCES msdyn_organizationalunit (msdyn_organizationalunitid),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

CREATE TABLE msdyn_projecttask (
    msdyn_projecttaskid UUID PRIMARY KEY,
    msdyn_project       UUID NOT NULL REFERENCES msdyn_project (msdyn_projectid),
    msdyn_wbsid         VARCHAR(30)  NOT NULL,
    msdyn_subject       VARCHAR(200) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT msdyn_projecttask_wbs UNIQUE (msdyn_project, msdyn_wbsid)
);

-- Roles (resource categories).
CREATE TABLE bookableresourcecategory (
    bookableresourcecategoryid UUID PRIMARY KEY,
    name           VARCHAR(100) NOT NULL UNIQUE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

CREATE TABLE bookableresource (
    bookableresourceid UUID PRIMARY KEY,
    name               VARCHAR(160) NOT NULL UNIQUE,
    msdyn_organizationalunit UUID NOT NULL REFERENCES msdyn_organizationalunit (msdyn_organizationalunitid),
    tdm_defaultrole    UUID REFERENCES bookableresourcecategory (bookableresourcecategoryid),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Roles a resource may work in.
CREATE TABLE bookableresourcecategoryassn (
    bookableresourceid         UUID NOT NULL REFERENCES bookableresource (bookableresourceid),
    bookableresourcecategoryid UUID NOT NULL REFERENCES bookableresourcecategory (bookableresourcecategoryid),
    PRIMARY KEY (bookableresourceid, bookableresourcecategoryid)
);

CREATE TABLE msdyn_transactioncategory (
    msdyn_transactioncategoryid UUID PRIMARY KEY,
    msdyn_name     VARCHAR(100) NOT NULL UNIQUE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

CREATE TABLE product (
    productid      UUID PRIMARY KEY,
    productnumber  VARCHAR(100) NOT NULL UNIQUE,
    name           VARCHAR(200) NOT NULL,
    msdyn_unit     VARCHAR(20)  NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- Price lists. msdyn_context: 192350000 Cost, 192350001 Sales. Effective begindate..enddate inclusive
-- (enddate NULL = open-ended).
CREATE TABLE pricelevel (
    pricelevelid        UUID PRIMARY KEY,
    name                VARCHAR(100) NOT NULL UNIQUE,
    msdyn_context       INTEGER      NOT NULL,
    transactioncurrency CHAR(3)      NOT NULL,
    begindate           DATE         NOT NULL,
    enddate             DATE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT pricelevel_context CHECK (msdyn_context IN (192350000, 192350001)),
    CONSTRAINT pricelevel_dates CHECK (enddate IS NULL OR enddate >= begindate)
);

-- Role prices per hour.
CREATE TABLE msdyn_resourcecategorypricelevel (
    msdyn_resourcecategorypricelevelid UUID PRIMARY KEY,
    msdyn_pricelist        UUID NOT NULL REFERENCES pricelevel (pricelevelid),
    msdyn_resourcecategory UUID NOT NULL REFERENCES bookableresourcecategory (bookableresourcecategoryid),
    msdyn_price            NUMERIC(19,6) NOT NULL,
    msdyn_unit             VARCHAR(20)   NOT NULL,
    CONSTRAINT role_price_once UNIQUE (msdyn_pricelist, msdyn_resourcecategory),
    CONSTRAINT role_price_not_negative CHECK (msdyn_price >= 0)
);

-- Category prices for expenses (per unit).
CREATE TABLE msdyn_transactioncategorypricelevel (
    msdyn_transactioncategorypricelevelid UUID PRIMARY KEY,
    msdyn_pricelist          UUID NOT NULL REFERENCES pricelevel (pricelevelid),
    msdyn_transactioncategory UUID NOT NULL REFERENCES msdyn_transactioncategory (msdyn_transactioncategoryid),
    msdyn_price              NUMERIC(19,6) NOT NULL,
    msdyn_unit               VARCHAR(20)   NOT NULL,
    CONSTRAINT category_price_once UNIQUE (msdyn_pricelist, msdyn_transactioncategory),
    CONSTRAINT category_price_not_negative CHECK (msdyn_price >= 0)
);

-- Product prices for materials (per unit).
CREATE TABLE productpricelevel (
    productpricelevelid UUID PRIMARY KEY,
    pricelevelid        UUID NOT NULL REFERENCES pricelevel (pricelevelid),
    productid           UUID NOT NULL REFERENCES product (productid),
    amount              NUMERIC(19,6) NOT NULL,
    CONSTRAINT product_price_once UNIQUE (pricelevelid, productid),
    CONSTRAINT product_price_not_negative CHECK (amount >= 0)
);

-- Cost price lists of an organizational unit (cost actuals price from these).
CREATE TABLE tdm_orgunitpricelist (
    msdyn_organizationalunitid UUID NOT NULL REFERENCES msdyn_organizationalunit (msdyn_organizationalunitid),
    pricelevelid               UUID NOT NULL REFERENCES pricelevel (pricelevelid),
    PRIMARY KEY (msdyn_organizationalunitid, pricelevelid)
);
