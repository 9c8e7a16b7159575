-- Retainers and advances on a project contract (§3.5, §4.9, §5 step 8, §6, §11 rule 13).

-- One retainer or advance for one contract customer, in the contract's currency. Not a data entity: dual-write
-- has no retainer map (§7); Finance learns of a retainer through the billed sales actuals its invoices create.
-- Whether the retainer (or its refund) sits on a draft invoice is not stored here but read from tdm_retainerdetail,
-- so deleting a draft or one of its details puts the retainer (or refund) back in line for the next invoice.
--   tdm_type: 690970310 Retainer, 690970311 Advance.
--   tdm_invoicestatus: 192350000 Not ready to invoice, 192350001 Ready to invoice, 192350003 Customer invoice
--     posted (= invoiced). 192350002 Customer invoice created is never stored: it is derived from a draft detail.
--   tdm_refundstatus: NULL (blank), 690970320 Ready to refund (tdm_refundamount is to be refunded on the next
--     invoice), 690970321 Refunded (the invoice carrying the refund is confirmed).
--   tdm_openunbilled: the negative unbilled sales actual that carries what is still available, for reconciliation.
CREATE TABLE tdm_retainer (
    tdm_retainerid       UUID PRIMARY KEY,
    tdm_name             VARCHAR(200)  NOT NULL,
    salesorderid         UUID NOT NULL REFERENCES salesorder (salesorderid),
    tdm_customer         UUID NOT NULL REFERENCES account (accountid),
    tdm_type             INTEGER       NOT NULL,
    tdm_amount           NUMERIC(19,6) NOT NULL,
    transactioncurrency  CHAR(3)       NOT NULL,
    tdm_invoicedate      DATE          NOT NULL,
    tdm_invoicestatus    INTEGER       NOT NULL,
    tdm_invoice          UUID REFERENCES invoice (invoiceid),
    tdm_usedamount       NUMERIC(19,6) NOT NULL,
    tdm_refundedamount   NUMERIC(19,6) NOT NULL,
    tdm_refundstatus     INTEGER,
    tdm_refundamount     NUMERIC(19,6),
    tdm_openunbilled     UUID,
    createdon      TIMESTAMP WITH TIME ZONE NOT NULL,
    createdby      VARCHAR(100) NOT NULL,
    modifiedon     TIMESTAMP WITH TIME ZONE NOT NULL,
    modifiedby     VARCHAR(100) NOT NULL,
    CONSTRAINT retainer_type CHECK (tdm_type IN (690970310, 690970311)),
    CONSTRAINT retainer_invoice_status CHECK (tdm_invoicestatus IN (192350000, 192350001, 192350003)),
    CONSTRAINT retainer_refund_status CHECK (tdm_refundstatus IS NULL OR tdm_refundstatus IN (690970320, 690970321)),
    CONSTRAINT retainer_amount CHECK (tdm_amount > 0),
    -- Available = amount - used - refunded never goes below zero, whatever the application does.
    CONSTRAINT retainer_consumed CHECK (tdm_usedamount >= 0 AND tdm_refundedamount >= 0
        AND tdm_usedamount + tdm_refundedamount <= tdm_amount)
);
CREATE INDEX retainer_contract_customer ON tdm_retainer (salesorderid, tdm_customer);

-- The invoice line details that invoice (INVOICE), apply (APPLY) or refund (REFUND) a retainer. Deleting a
-- detail (or its draft) deletes the link with it. tdm_billedsalesactual is the billed sales the detail created
-- on confirmation.
CREATE TABLE tdm_retainerdetail (
    msdyn_invoicelinetransactionid UUID PRIMARY KEY
        REFERENCES msdyn_invoicelinetransaction (msdyn_invoicelinetransactionid) ON DELETE CASCADE,
    tdm_retainerid        UUID NOT NULL REFERENCES tdm_retainer (tdm_retainerid),
    tdm_role              VARCHAR(10) NOT NULL,
    tdm_billedsalesactual UUID,
    CONSTRAINT retainer_detail_role CHECK (tdm_role IN ('INVOICE', 'APPLY', 'REFUND'))
);
CREATE INDEX retainer_detail_retainer ON tdm_retainerdetail (tdm_retainerid);
