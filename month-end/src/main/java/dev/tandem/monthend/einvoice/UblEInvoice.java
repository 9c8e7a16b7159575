package dev.tandem.monthend.einvoice;

import com.helger.ubl21.UBL21Marshaller;
import dev.tandem.finance.einvoice.EInvoiceSource;
import dev.tandem.finance.einvoice.EInvoicingSetup.Address;
import dev.tandem.finance.einvoice.EInvoicingSetup.Buyer;
import dev.tandem.finance.einvoice.EInvoicingSetup.Contact;
import dev.tandem.finance.einvoice.EInvoicingSetup.PaymentMeans;
import dev.tandem.finance.einvoice.EInvoicingSetup.Seller;
import dev.tandem.finance.proposal.CustomerInvoice;
import dev.tandem.finance.proposal.ProposalLineType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AttachmentType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.BaseQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CompanyIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.CreditedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EmbeddedDocumentBinaryObjectType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.InvoicedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.LineExtensionAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PayableAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PriceAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxInclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxableAmountType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * The UBL 2.1 document of a posted customer invoice (type 380) or credit note (type 381, UBL CreditNote) that
 * conforms to Peppol BIS Billing 3.0 and its EN 16931 core (docs/e-invoicing.md names each field's source and its
 * BT number). Built with ph-ubl's JAXB model and written by {@link UBL21Marshaller}, which checks the document against
 * the UBL 2.1 schema as it writes; the business rules are {@link EInvoiceValidation}'s.
 *
 * <p>Amounts come from {@link EInvoiceAmounts}, in the invoice currency ({@code currencyID} on every amount, BR-CL-03)
 * at its minor units; only BT-111 is in the accounting currency. Quantities: time in hours (UN/ECE rec. 20 {@code HUR}),
 * everything else in units ({@code C62}); a line's net price is never negative (BR-27), so a line of negative amount
 * has a negative quantity.
 */
public final class UblEInvoice {

    /** BT-24: Peppol BIS Billing 3.0. */
    public static final String CUSTOMIZATION_ID =
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    /** BT-23: Peppol billing process 01. */
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    /** UNCL1001: commercial invoice, credit note. */
    static final String INVOICE_TYPE = "380";
    static final String CREDIT_NOTE_TYPE = "381";
    /** UN/ECE recommendation 20: hour, and one (unit). */
    static final String HOUR = "HUR";
    static final String UNIT = "C62";
    private static final String VAT = "VAT";
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private UblEInvoice() {
    }

    /**
     * The document as UTF-8 XML.
     *
     * @param pdf         the invoice's PDF, embedded as BG-24 (BT-125, mime code application/pdf)
     * @param pdfFileName the PDF's file name (BT-125 filename)
     * @throws IllegalStateException when the marshaller refuses the document (it breaks the UBL 2.1 schema; the
     *                               message names the invoice)
     */
    public static byte[] xml(EInvoiceSource source, byte[] pdf, String pdfFileName) {
        EInvoiceAmounts amounts = EInvoiceAmounts.of(source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean written = source.invoice().creditNote()
                ? UBL21Marshaller.creditNote().write(creditNote(source, amounts, pdf, pdfFileName), out).isSuccess()
                : UBL21Marshaller.invoice().write(invoice(source, amounts, pdf, pdfFileName), out).isSuccess();
        if (!written) {
            throw new IllegalStateException("The UBL document of customer invoice " + source.invoice().invoiceId()
                    + " breaks the UBL 2.1 schema (see the log for the element)");
        }
        return out.toByteArray();
    }

    static InvoiceType invoice(EInvoiceSource s, EInvoiceAmounts a, byte[] pdf, String pdfFileName) {
        CustomerInvoice inv = s.invoice();
        InvoiceType doc = new InvoiceType();
        doc.setCustomizationID(CUSTOMIZATION_ID);
        doc.setProfileID(PROFILE_ID);
        doc.setID(inv.invoiceId());
        doc.setIssueDate(inv.invoiceDate());
        if (inv.dueDate() != null) {
            doc.setDueDate(inv.dueDate());
        }
        doc.setInvoiceTypeCode(INVOICE_TYPE);
        doc.setDocumentCurrencyCode(inv.currency());
        if (a.taxTotalAccounting() != null) {
            doc.setTaxCurrencyCode(s.accountingCurrency());
        }
        doc.setBuyerReference(buyerReference(s));
        period(s.lines().stream().map(EInvoiceSource.Line::transDate).toList()).ifPresent(doc::addInvoicePeriod);
        doc.addContractDocumentReference(reference(inv.contractId()));
        doc.addAdditionalDocumentReference(attachment(inv, pdf, pdfFileName));
        doc.setAccountingSupplierParty(supplier(s));
        doc.setAccountingCustomerParty(customer(s));
        doc.addPaymentMeans(paymentMeans(s, null));
        doc.addPaymentTerms(paymentTerms(s));
        taxTotals(s, a).forEach(doc::addTaxTotal);
        doc.setLegalMonetaryTotal(monetaryTotal(inv.currency(), a));
        for (int i = 0; i < s.lines().size(); i++) {
            EInvoiceSource.Line l = s.lines().get(i);
            Quantity q = quantity(l, a.lineNets().get(i), a.sign());
            InvoiceLineType line = new InvoiceLineType();
            line.setID(String.valueOf(i + 1));
            InvoicedQuantityType quantity = new InvoicedQuantityType(q.quantity());
            quantity.setUnitCode(q.unit());
            line.setInvoicedQuantity(quantity);
            line.setLineExtensionAmount(amount(new LineExtensionAmountType(), a.lineNets().get(i), inv.currency()));
            if (l.transDate() != null) {
                line.addInvoicePeriod(period(l.transDate(), l.transDate()));
            }
            line.setItem(item(l));
            line.setPrice(price(q, inv.currency()));
            doc.addInvoiceLine(line);
        }
        return doc;
    }

    static CreditNoteType creditNote(EInvoiceSource s, EInvoiceAmounts a, byte[] pdf, String pdfFileName) {
        CustomerInvoice inv = s.invoice();
        CreditNoteType doc = new CreditNoteType();
        doc.setCustomizationID(CUSTOMIZATION_ID);
        doc.setProfileID(PROFILE_ID);
        doc.setID(inv.invoiceId());
        doc.setIssueDate(inv.invoiceDate());
        doc.setCreditNoteTypeCode(CREDIT_NOTE_TYPE);
        doc.setDocumentCurrencyCode(inv.currency());
        if (a.taxTotalAccounting() != null) {
            doc.setTaxCurrencyCode(s.accountingCurrency());
        }
        doc.setBuyerReference(buyerReference(s));
        period(s.lines().stream().map(EInvoiceSource.Line::transDate).toList()).ifPresent(doc::addInvoicePeriod);
        if (s.correctedInvoiceId() != null) {
            BillingReferenceType billing = new BillingReferenceType();
            DocumentReferenceType corrected = reference(s.correctedInvoiceId());
            if (s.correctedInvoiceDate() != null) {
                corrected.setIssueDate(s.correctedInvoiceDate());
            }
            billing.setInvoiceDocumentReference(corrected);
            doc.addBillingReference(billing);
        }
        doc.addContractDocumentReference(reference(inv.contractId()));
        doc.addAdditionalDocumentReference(attachment(inv, pdf, pdfFileName));
        doc.setAccountingSupplierParty(supplier(s));
        doc.setAccountingCustomerParty(customer(s));
        // UBL 2.1 credit notes carry the due date (BT-9) in the payment means.
        doc.addPaymentMeans(paymentMeans(s, inv.dueDate()));
        doc.addPaymentTerms(paymentTerms(s));
        taxTotals(s, a).forEach(doc::addTaxTotal);
        doc.setLegalMonetaryTotal(monetaryTotal(inv.currency(), a));
        for (int i = 0; i < s.lines().size(); i++) {
            EInvoiceSource.Line l = s.lines().get(i);
            Quantity q = quantity(l, a.lineNets().get(i), a.sign());
            CreditNoteLineType line = new CreditNoteLineType();
            line.setID(String.valueOf(i + 1));
            CreditedQuantityType quantity = new CreditedQuantityType(q.quantity());
            quantity.setUnitCode(q.unit());
            line.setCreditedQuantity(quantity);
            line.setLineExtensionAmount(amount(new LineExtensionAmountType(), a.lineNets().get(i), inv.currency()));
            if (l.transDate() != null) {
                line.addInvoicePeriod(period(l.transDate(), l.transDate()));
            }
            line.setItem(item(l));
            line.setPrice(price(q, inv.currency()));
            doc.addCreditNoteLine(line);
        }
        return doc;
    }

    /**
     * A line's quantity (BT-129), unit (BT-130) and net price (BT-146) in document sign, such that quantity × price
     * is the line's net amount within the cent Finance rounded it by (PEPPOL-EN16931-R120). The price is never
     * negative (BR-27): a line whose amount and quantity differ in sign from its price gets the opposite quantity.
     * A line without a price (an on-account line may have none) is priced at its net amount per unit of its quantity,
     * or as one unit when its quantity is 0. A line whose stored quantity × price misses its amount by more than a
     * cent (split billing rounds the share's quantity, not its amount) shows the quantity the amount bills at the price,
     * to 6 decimals.
     */
    record Quantity(BigDecimal quantity, String unit, BigDecimal price) {
    }

    static Quantity quantity(EInvoiceSource.Line l, BigDecimal net, int sign) {
        String unit = l.type() == ProposalLineType.HOUR ? HOUR : UNIT;
        BigDecimal quantity = l.quantity() == null ? BigDecimal.ZERO : l.quantity().multiply(BigDecimal.valueOf(sign));
        BigDecimal price = l.unitPrice();
        if (price == null || quantity.signum() == 0) {
            if (quantity.signum() == 0) {
                quantity = net.signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
            }
            price = net.divide(quantity, 6, RoundingMode.HALF_UP);
        }
        if (quantity.multiply(price).subtract(net).abs().compareTo(CENT) > 0 && price.signum() != 0) {
            // The stored quantity is rounded where the amount is not (a split-billing share: 60 % of 4.289583 h is
            // stored as 2.57 h but billed as 411.82 at 160): the quantity billed is the amount at the price.
            quantity = net.divide(price, 6, RoundingMode.HALF_UP);
            if (quantity.multiply(price).subtract(net).abs().compareTo(CENT) > 0) {
                quantity = l.quantity().multiply(BigDecimal.valueOf(sign));
                price = net.divide(quantity, 6, RoundingMode.HALF_UP);
            }
        }
        if (price.signum() < 0) {
            price = price.negate();
            quantity = quantity.negate();
        }
        return new Quantity(EInvoiceAmounts.plain(quantity), unit, EInvoiceAmounts.plain(price));
    }

    private static PriceType price(Quantity q, String currency) {
        PriceType price = new PriceType();
        price.setPriceAmount(amount(new PriceAmountType(), q.price(), currency));
        BaseQuantityType base = new BaseQuantityType(BigDecimal.ONE);
        base.setUnitCode(q.unit());
        price.setBaseQuantity(base);
        return price;
    }

    /** BT-153 item name: the line's description, else its category, else what kind of line it is. */
    static String itemName(EInvoiceSource.Line l) {
        return firstNonBlank(l.description(), l.categoryId(), switch (l.type()) {
            case HOUR -> "Time";
            case EXPENSE -> "Expense";
            case ITEM -> "Material";
            case FEE -> "Fee";
            case ON_ACCOUNT -> "On-account (milestone)";
        });
    }

    private static ItemType item(EInvoiceSource.Line l) {
        ItemType item = new ItemType();
        item.setName(itemName(l));
        if (l.categoryId() != null && !l.categoryId().isBlank()) {
            ItemIdentificationType id = new ItemIdentificationType();
            id.setID(l.categoryId());
            item.setSellersItemIdentification(id);
        }
        TaxCategoryType category = taxCategory(l.vatCategory(), l.vatCategory().equals("O") ? null
                : EInvoiceAmounts.plain(l.vatRate()));
        item.addClassifiedTaxCategory(category);
        return item;
    }

    private static String buyerReference(EInvoiceSource s) {
        String reference = s.buyer().buyerReference();
        return reference != null && !reference.isBlank() ? reference : s.invoice().contractId();
    }

    private static DocumentReferenceType reference(String id) {
        DocumentReferenceType reference = new DocumentReferenceType();
        reference.setID(id);
        return reference;
    }

    private static DocumentReferenceType attachment(CustomerInvoice inv, byte[] pdf, String fileName) {
        DocumentReferenceType reference = reference(inv.invoiceId());
        reference.addDocumentDescription(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21
                .DocumentDescriptionType((inv.creditNote() ? "Credit note " : "Invoice ") + inv.invoiceId() + " (PDF)"));
        AttachmentType attachment = new AttachmentType();
        EmbeddedDocumentBinaryObjectType object = new EmbeddedDocumentBinaryObjectType(pdf);
        object.setMimeCode("application/pdf");
        object.setFilename(fileName);
        attachment.setEmbeddedDocumentBinaryObject(object);
        reference.setAttachment(attachment);
        return reference;
    }

    private static java.util.Optional<PeriodType> period(List<LocalDate> dates) {
        List<LocalDate> known = dates.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(period(known.stream().min(Comparator.naturalOrder()).orElseThrow(),
                known.stream().max(Comparator.naturalOrder()).orElseThrow()));
    }

    private static PeriodType period(LocalDate start, LocalDate end) {
        PeriodType period = new PeriodType();
        period.setStartDate(start);
        period.setEndDate(end);
        return period;
    }

    /** Whether every line is "not subject to VAT" (O), which forbids the VAT identifiers (BR-O-02, BR-O-03, BR-O-04). */
    private static boolean outOfScope(EInvoiceSource s) {
        return !s.lines().isEmpty() && s.lines().stream().allMatch(l -> l.vatCategory().equals("O"));
    }

    private static SupplierPartyType supplier(EInvoiceSource s) {
        Seller seller = s.seller();
        PartyType party = new PartyType();
        party.setEndpointID(endpoint(seller.endpoint().scheme(), seller.endpoint().id()));
        PartyNameType name = new PartyNameType();
        name.setName(s.sellerName());
        party.addPartyName(name);
        party.setPostalAddress(address(seller.address()));
        if (seller.vatId() != null && !outOfScope(s)) {
            party.addPartyTaxScheme(vatScheme(seller.vatId()));
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(s.sellerName());
        if (seller.legalRegistrationId() != null) {
            legal.setCompanyID(seller.legalRegistrationId());
        }
        party.addPartyLegalEntity(legal);
        Contact c = seller.contact();
        if (c != null && (c.name() != null || c.phone() != null || c.email() != null)) {
            ContactType contact = new ContactType();
            if (c.name() != null) {
                contact.setName(c.name());
            }
            if (c.phone() != null) {
                contact.setTelephone(c.phone());
            }
            if (c.email() != null) {
                contact.setElectronicMail(c.email());
            }
            party.setContact(contact);
        }
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private static CustomerPartyType customer(EInvoiceSource s) {
        Buyer buyer = s.buyer();
        PartyType party = new PartyType();
        party.setEndpointID(endpoint(buyer.endpoint().scheme(), buyer.endpoint().id()));
        PartyNameType name = new PartyNameType();
        name.setName(s.invoice().customerName());
        party.addPartyName(name);
        party.setPostalAddress(address(buyer.address()));
        if (buyer.vatId() != null && !outOfScope(s)) {
            party.addPartyTaxScheme(vatScheme(buyer.vatId()));
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(s.invoice().customerName());
        party.addPartyLegalEntity(legal);
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private static EndpointIDType endpoint(String scheme, String id) {
        EndpointIDType endpoint = new EndpointIDType(id);
        endpoint.setSchemeID(scheme);
        return endpoint;
    }

    private static AddressType address(Address a) {
        AddressType address = new AddressType();
        if (a.street() != null) {
            address.setStreetName(a.street());
        }
        if (a.additionalStreet() != null) {
            address.setAdditionalStreetName(a.additionalStreet());
        }
        if (a.city() != null) {
            address.setCityName(a.city());
        }
        if (a.postalZone() != null) {
            address.setPostalZone(a.postalZone());
        }
        CountryType country = new CountryType();
        country.setIdentificationCode(a.countryCode());
        address.setCountry(country);
        return address;
    }

    private static PartyTaxSchemeType vatScheme(String vatId) {
        PartyTaxSchemeType scheme = new PartyTaxSchemeType();
        scheme.setCompanyID(new CompanyIDType(vatId));
        scheme.setTaxScheme(vatTaxScheme());
        return scheme;
    }

    private static TaxSchemeType vatTaxScheme() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID(VAT);
        return scheme;
    }

    /**
     * BG-16: the seller's payment means with the account to pay into (for a credit note the due date BT-9 too) and
     * the invoice number as remittance information (BT-83).
     */
    private static PaymentMeansType paymentMeans(EInvoiceSource s, LocalDate dueDate) {
        PaymentMeans pm = s.seller().paymentMeans();
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode(pm.code());
        if (dueDate != null) {
            means.setPaymentDueDate(dueDate);
        }
        means.addPaymentID(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType(
                s.invoice().invoiceId()));
        if (pm.iban() != null) {
            FinancialAccountType account = new FinancialAccountType();
            account.setID(pm.iban());
            if (pm.accountName() != null) {
                account.setName(pm.accountName());
            }
            if (pm.bic() != null) {
                BranchType branch = new BranchType();
                branch.setID(pm.bic());
                account.setFinancialInstitutionBranch(branch);
            }
            means.setPayeeFinancialAccount(account);
        }
        return means;
    }

    /** BT-20: the customer's payment terms in words. */
    private static PaymentTermsType paymentTerms(EInvoiceSource s) {
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType(
                s.paymentTermDays() == 0 ? "Payable on receipt" : "Payable within " + s.paymentTermDays() + " days"
                        + (s.invoice().dueDate() == null ? "" : ", by " + s.invoice().dueDate())));
        return terms;
    }

    /** BG-22/BG-23 with subtotals in the invoice currency; BT-111 alone in the accounting currency when it differs. */
    private static List<TaxTotalType> taxTotals(EInvoiceSource s, EInvoiceAmounts a) {
        String currency = s.invoice().currency();
        List<TaxTotalType> totals = new ArrayList<>();
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(amount(new TaxAmountType(), a.taxTotal(), currency));
        for (EInvoiceAmounts.Breakdown b : a.breakdown()) {
            TaxSubtotalType sub = new TaxSubtotalType();
            sub.setTaxableAmount(amount(new TaxableAmountType(), b.taxable(), currency));
            sub.setTaxAmount(amount(new TaxAmountType(), b.tax(), currency));
            TaxCategoryType category = taxCategory(b.category(), b.rate());
            if (b.exemptionCode() != null) {
                category.setTaxExemptionReasonCode(b.exemptionCode());
            }
            if (b.exemptionReason() != null) {
                category.addTaxExemptionReason(new oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21
                        .TaxExemptionReasonType(b.exemptionReason()));
            }
            sub.setTaxCategory(category);
            total.addTaxSubtotal(sub);
        }
        totals.add(total);
        if (a.taxTotalAccounting() != null) {
            TaxTotalType accounting = new TaxTotalType();
            accounting.setTaxAmount(amount(new TaxAmountType(), a.taxTotalAccounting(), s.accountingCurrency()));
            totals.add(accounting);
        }
        return totals;
    }

    private static TaxCategoryType taxCategory(String code, BigDecimal rate) {
        TaxCategoryType category = new TaxCategoryType();
        category.setID(code);
        if (rate != null) {
            category.setPercent(rate);
        }
        category.setTaxScheme(vatTaxScheme());
        return category;
    }

    private static MonetaryTotalType monetaryTotal(String currency, EInvoiceAmounts a) {
        MonetaryTotalType total = new MonetaryTotalType();
        total.setLineExtensionAmount(amount(new LineExtensionAmountType(), a.lineExtension(), currency));
        total.setTaxExclusiveAmount(amount(new TaxExclusiveAmountType(), a.taxExclusive(), currency));
        total.setTaxInclusiveAmount(amount(new TaxInclusiveAmountType(), a.taxInclusive(), currency));
        total.setPayableAmount(amount(new PayableAmountType(), a.payable(), currency));
        return total;
    }

    private static <T extends com.helger.xsds.ccts.cct.schemamodule.AmountType> T amount(T type, BigDecimal value,
                                                                                         String currency) {
        type.setValue(value);
        type.setCurrencyID(currency);
        return type;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
