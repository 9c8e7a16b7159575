-- E-invoicing (issue 17, docs/e-invoicing.md): what a Peppol BIS Billing 3.0 (EN 16931) invoice needs of the
-- seller, the buyers and the sales tax that Finance did not hold. Kept in tables of their own beside legal_entity
-- and custtable (as F&O keeps postal addresses and registration numbers beside CompanyInfo and CustTable), so the
-- data entities the dual-write maps read (legalentities, customers) keep their fields: Project Operations needs none
-- of this.

-- The seller (BG-4) of a legal entity's invoices. Address BG-5; vatid BT-31 (with its ISO 3166 country prefix);
-- legalregistrationid BT-30 (e.g. "HRB 123456 B"); endpoint BT-34 with its scheme (EAS code, e.g. 9930 = German
-- VAT number, 0088 = GLN); contact BG-6 (German invoices need one, DE-R-002); payment means BG-16 (UNCL4461 code,
-- 30 credit transfer or 58 SEPA credit transfer need the IBAN BT-84).
CREATE TABLE legal_entity_einvoicing (
    dataareaid          VARCHAR(10)  PRIMARY KEY REFERENCES legal_entity (dataareaid),
    street              VARCHAR(200) NOT NULL,
    additionalstreet    VARCHAR(200),
    city                VARCHAR(100) NOT NULL,
    postalzone          VARCHAR(20)  NOT NULL,
    countrycode         CHAR(2)      NOT NULL,
    vatid               VARCHAR(30),
    legalregistrationid VARCHAR(50),
    endpointscheme      VARCHAR(4)   NOT NULL,
    endpointid          VARCHAR(100) NOT NULL,
    contactname         VARCHAR(100),
    contactphone        VARCHAR(50),
    contactemail        VARCHAR(100),
    paymentmeanscode    VARCHAR(3)   NOT NULL,
    iban                VARCHAR(34),
    bic                 VARCHAR(11),
    accountname         VARCHAR(100),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL
);

-- The buyer (BG-7) of a customer's invoices: address BG-8, VAT id BT-48, endpoint BT-49 with its scheme, the buyer
-- reference BT-10 the customer asks for (e.g. a German Leitweg-ID; when null the contract id is used), and the VAT
-- category (UNCL5305: E, AE, K, G, O, Z) with its exemption reason (BT-120 text, BT-121 VATEX code) of this
-- customer's lines that no sales tax code taxes (reverse charge, export, not subject to VAT).
CREATE TABLE custtable_einvoicing (
    dataareaid             VARCHAR(10)  NOT NULL,
    accountnum             VARCHAR(20)  NOT NULL,
    street                 VARCHAR(200),
    additionalstreet       VARCHAR(200),
    city                   VARCHAR(100),
    postalzone             VARCHAR(20),
    countrycode            CHAR(2)      NOT NULL,
    vatid                  VARCHAR(30),
    endpointscheme         VARCHAR(4)   NOT NULL,
    endpointid             VARCHAR(100) NOT NULL,
    buyerreference         VARCHAR(100),
    untaxedvatcategory     VARCHAR(2),
    untaxedexemptioncode   VARCHAR(30),
    untaxedexemptionreason VARCHAR(300),
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    PRIMARY KEY (dataareaid, accountnum),
    FOREIGN KEY (dataareaid, accountnum) REFERENCES custtable (dataareaid, accountnum),
    CONSTRAINT custtable_einvoicing_category CHECK (untaxedvatcategory IS NULL
        OR untaxedvatcategory IN ('E', 'AE', 'K', 'G', 'O', 'Z'))
);

-- The VAT category (UNCL5305, BT-151/BT-118) a sales tax code stands for on an e-invoice, and the exemption reason
-- (BT-120/BT-121) the categories E, AE, K, G and O need. Existing codes are standard rated (S).
ALTER TABLE taxtable ADD COLUMN vatcategory VARCHAR(2) DEFAULT 'S' NOT NULL;
ALTER TABLE taxtable ADD COLUMN vatexemptioncode VARCHAR(30);
ALTER TABLE taxtable ADD COLUMN vatexemptionreason VARCHAR(300);
ALTER TABLE taxtable ADD CONSTRAINT taxtable_vat_category CHECK (vatcategory IN ('S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L',
    'M'));
