-- Proforma invoicing (§3.2-§3.4, §4.1, §5 steps 8-9, §6).

-- Number sequences (invoice numbers become the Finance invoice-proposal numbers, §3.9).
CREATE TABLE tdm_numbersequence (
    tdm_name       VARCHAR(40) PRIMARY KEY,
    tdm_prefix     VARCHAR(10) NOT NULL,
    tdm_width      INTEGER     NOT NULL,
    tdm_nextvalue  BIGINT      NOT NULL
);
INSERT INTO tdm_numbersequence (tdm_name, tdm_prefix, tdm_width, tdm_nextvalue) VALUES ('invoice', 'INV-', 6, 1);

-- Data entity invoices: the proforma invoice header the "Project invoice proposals V2" map reads.
-- msdyn_projectinvoicestatus: 192350000 Draft, 192350001 In Review, 192350002 Confirmed, 192350003 Invoice Paid.
-- statecode: 0 Active, 2 Paid. msdyn_ordertype 192350001 Work based.
CREATE TABLE invoice (
    invoiceid                  UUID PRIMARY KEY,
    invoicenumber              VARCHAR(30)   NOT NULL UNIQUE,
    name                       VARCHAR(300)  NOT NULL,
    description                VARCHAR(2000),
    salesorderid               UUID NOT NULL REFERENCES salesorder (salesorderid),
    customerid                 UUID NOT NULL REFERENCES account (accountid),
    transactioncurrency        CHAR(3)       NOT NULL,
    pricelevelid               UUID,
    msdyn_invoicedate          DATE          NOT NULL,
    msdyn_projectinvoicestatus INTEGER       NOT NULL,
    statecode                  INTEGER       NOT NULL,
    msdyn_ordertype            INTEGER       NOT NULL,
    msdyn_hascorrections       BOOLEAN       NOT NULL,
    tdm_iscreditnote           BOOLEAN       NOT NULL,
    tdm_correctedinvoice       UUID REFERENCES invoice (invoiceid),
    totallineitemamount        NUMERIC(19,6) NOT NULL,
    totaltax                   NUMERIC(19,6) NOT NULL,
    totalamount                NUMERIC(19,6) NOT NULL,
    tdm_bulkconfirmationstatus INTEGER,
    tdm_bulkconfirmationdetail VARCHAR(1000),
    tdm_confirmedon            TIMESTAMP WITH TIME ZONE,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX invoice_contract ON invoice (salesorderid, customerid, msdyn_projectinvoicestatus);

-- Data entity invoicedetails: one invoice line per contract line, even when empty (§3.3).
CREATE TABLE invoicedetail (
    invoicedetailid      UUID PRIMARY KEY,
    invoiceid            UUID NOT NULL REFERENCES invoice (invoiceid),
    msdyn_contractlineid UUID NOT NULL REFERENCES salesorderdetail (salesorderdetailid),
    productdescription   VARCHAR(300)  NOT NULL,
    msdyn_billingmethod  INTEGER       NOT NULL,
    msdyn_project        UUID          NOT NULL,
    baseamount           NUMERIC(19,6) NOT NULL,
    tax                  NUMERIC(19,6) NOT NULL,
    extendedamount       NUMERIC(19,6) NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT invoice_line_per_contract_line UNIQUE (invoiceid, msdyn_contractlineid)
);

-- Data entity msdyn_invoicelinetransactions: invoice line details (§3.4). tdm_sourceactual is the unbilled sales
-- actual a detail bills; the unique constraint makes it impossible for one actual to be on two details at once,
-- whatever the application does (DESIGN §4 invariant 1). Milestone details point at the milestone instead.
CREATE TABLE msdyn_invoicelinetransaction (
    msdyn_invoicelinetransactionid  UUID PRIMARY KEY,
    msdyn_invoice                   UUID NOT NULL REFERENCES invoice (invoiceid),
    msdyn_invoicelineid             UUID NOT NULL REFERENCES invoicedetail (invoicedetailid),
    msdyn_salescontract             UUID NOT NULL,
    msdyn_salescontractlineid       UUID NOT NULL,
    msdyn_project                   UUID NOT NULL,
    msdyn_task                      UUID,
    msdyn_transactioncategory       UUID,
    msdyn_resourcecategory          UUID,
    msdyn_bookableresource          UUID,
    msdyn_product                   UUID,
    msdyn_unit                      VARCHAR(20),
    msdyn_quantity                  NUMERIC(19,6) NOT NULL,
    msdyn_price                     NUMERIC(19,6) NOT NULL,
    msdyn_amount                    NUMERIC(19,6) NOT NULL,
    msdyn_tax                       NUMERIC(19,6) NOT NULL,
    msdyn_billingtype               INTEGER       NOT NULL,
    msdyn_transactiontypecode       INTEGER       NOT NULL,
    msdyn_transactionclassification INTEGER       NOT NULL,
    msdyn_correction                BOOLEAN       NOT NULL,
    msdyn_originalinvoicelinedetail UUID REFERENCES msdyn_invoicelinetransaction (msdyn_invoicelinetransactionid),
    msdyn_previousamount            NUMERIC(19,6),
    tdm_previousquantity            NUMERIC(19,6),
    msdyn_documentdate              DATE          NOT NULL,
    msdyn_description               VARCHAR(500),
    msdyn_externaldescription       VARCHAR(500),
    tdm_sourceactual                UUID UNIQUE,
    tdm_milestone                   UUID,
    tdm_billedsalesactual           UUID,
    tdm_manual                      BOOLEAN       NOT NULL,
    tdm_customer                    UUID          NOT NULL,
    transactioncurrency             CHAR(3)       NOT NULL,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);
CREATE INDEX ild_invoice ON msdyn_invoicelinetransaction (msdyn_invoice);
CREATE INDEX ild_line ON msdyn_invoicelinetransaction (msdyn_invoicelineid);
CREATE INDEX ild_milestone ON msdyn_invoicelinetransaction (tdm_milestone);
CREATE INDEX ild_original ON msdyn_invoicelinetransaction (msdyn_originalinvoicelinedetail);
CREATE INDEX actual_invoice ON msdyn_actual (msdyn_invoice);
