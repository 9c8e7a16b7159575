package dev.tandem.finance.einvoice;

import static dev.tandem.dualwrite.AppContext.row;
import static dev.tandem.finance.FinanceError.INVALID_INPUT;
import static dev.tandem.finance.FinanceError.NOT_FOUND;

import dev.tandem.common.TandemException;
import dev.tandem.finance.FinanceContext;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an e-invoice (Peppol BIS Billing 3.0, EN 16931) needs of the seller and the buyers that the rest of Finance
 * does not hold (docs/e-invoicing.md): postal addresses, VAT identifiers, Peppol endpoint ids with their scheme, the
 * seller's contact and payment means, and a customer's VAT category for lines no sales tax code taxes. Stored beside
 * {@code legal_entity} and {@code custtable} ({@code V12__e_invoicing_parties.sql}); setting them again replaces them.
 *
 * <p>Each set validates everything before writing and refuses with INVALID_INPUT naming the field and the rule: a
 * country that is not ISO 3166-1 alpha-2; a VAT identifier without its country prefix (EN 16931 BR-CO-09); an
 * endpoint scheme that is not a 4-digit EAS code or an endpoint id that is blank (Peppol PEPPOL-EN16931-R020/R010);
 * a payment means code that is not a UNCL4461 code; credit transfer (30, 58) without an IBAN or account (BR-61), or an
 * IBAN whose check digits are wrong (ISO 13616); a VAT category outside UNCL5305, or a category that needs an
 * exemption reason (E, AE, K, G, O: BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10) without one. NOT_FOUND for an
 * unknown legal entity or customer.
 */
public final class EInvoicingSetup {

    /** A postal address (EN 16931 BG-5 seller, BG-8 buyer); {@code countryCode} ISO 3166-1 alpha-2 (BT-40, BT-55). */
    public record Address(String street, String additionalStreet, String city, String postalZone,
                          String countryCode) {
    }

    /** An electronic address (BT-34 seller, BT-49 buyer): its scheme is an EAS code, e.g. 9930 (DE VAT), 0088 (GLN). */
    public record Endpoint(String scheme, String id) {
    }

    /** The seller contact (BG-6): German invoices need one (DE-R-002), with name, phone and e-mail. */
    public record Contact(String name, String phone, String email) {
    }

    /**
     * Payment means (BG-16): {@code code} UNCL4461 (BT-81), 30 credit transfer or 58 SEPA credit transfer with the
     * payee's {@code iban} (BT-84), {@code bic} (BT-86) and {@code accountName} (BT-85) optional.
     */
    public record PaymentMeans(String code, String iban, String bic, String accountName) {
    }

    /**
     * The seller of a legal entity's invoices (BG-4). Its name is the legal entity's ({@code legal_entity.name},
     * BT-27). {@code vatId} BT-31, {@code legalRegistrationId} BT-30; at least one of them (BR-CO-26).
     */
    public record Seller(Address address, String vatId, String legalRegistrationId, Endpoint endpoint,
                         Contact contact, PaymentMeans paymentMeans) {
    }

    /**
     * The VAT treatment of lines that no sales tax code taxes: {@code category} UNCL5305 (E exempt, AE reverse charge,
     * K intra-community supply, G export, O not subject to VAT, Z zero rated) with its exemption reason text (BT-120)
     * and VATEX code (BT-121); categories other than Z need one of them.
     */
    public record VatTreatment(String category, String exemptionCode, String exemptionReason) {
    }

    /**
     * The buyer of a customer's invoices (BG-7). Its name is the customer's ({@code custtable.name}, BT-44).
     * {@code vatId} BT-48 (optional); {@code buyerReference} BT-10 (optional: the contract id is used without it);
     * {@code untaxed} the VAT treatment of its untaxed lines ({@code null}: its invoices must be fully taxed by
     * sales tax codes).
     */
    public record Buyer(Address address, String vatId, Endpoint endpoint, String buyerReference,
                        VatTreatment untaxed) {
    }

    /** UNCL5305 VAT category codes EN 16931 allows (BT-151). */
    public static final Set<String> VAT_CATEGORIES = Set.of("S", "Z", "E", "AE", "K", "G", "O", "L", "M");
    /** Categories that need an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
    public static final Set<String> NEEDS_EXEMPTION_REASON = Set.of("E", "AE", "K", "G", "O");
    /** Payment means that pay into the payee's account, which they must name (BR-61). */
    static final Set<String> CREDIT_TRANSFER = Set.of("30", "58");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EAS = Pattern.compile("\\d{4}");
    private static final Pattern PAYMENT_MEANS = Pattern.compile("\\d{1,3}|ZZZ");
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Za-z+*.]{2,28}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final FinanceContext ctx;

    public EInvoicingSetup(FinanceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Sets the seller details of a legal entity, replacing earlier ones.
     *
     * @throws TandemException INVALID_INPUT or NOT_FOUND as listed on the class
     */
    public void setSeller(String dataAreaId, Seller seller) {
        String what = "Legal entity " + dataAreaId;
        if (seller == null) {
            throw new TandemException(INVALID_INPUT, what + ": seller details are required");
        }
        address(seller.address(), what, true);
        vatId(seller.vatId(), what);
        if (blank(seller.vatId()) && blank(seller.legalRegistrationId())) {
            throw new TandemException(INVALID_INPUT, what + " needs a VAT identifier or a legal registration "
                    + "identifier on its invoices (EN 16931 BR-CO-26)");
        }
        endpoint(seller.endpoint(), what);
        PaymentMeans pm = seller.paymentMeans();
        if (pm == null || blank(pm.code()) || !PAYMENT_MEANS.matcher(pm.code()).matches()) {
            throw new TandemException(INVALID_INPUT, what + ": payment means code " + (pm == null ? null : pm.code())
                    + " is not a UNCL4461 code (e.g. 30 credit transfer, 58 SEPA credit transfer)");
        }
        if (CREDIT_TRANSFER.contains(pm.code()) && blank(pm.iban())) {
            throw new TandemException(INVALID_INPUT, what + ": payment means " + pm.code() + " (credit transfer) needs "
                    + "the account to pay into, an IBAN (EN 16931 BR-61)");
        }
        if (!blank(pm.iban()) && !validIban(pm.iban())) {
            throw new TandemException(INVALID_INPUT, what + ": \"" + pm.iban() + "\" is not a valid IBAN (ISO 13616: "
                    + "country, check digits, account; the check digits must give 1 modulo 97)");
        }
        Contact c = seller.contact() == null ? new Contact(null, null, null) : seller.contact();
        Address a = seller.address();
        ctx.inTransaction(() -> {
            requireRow("legal_entity", "dataareaid = ?", what, dataAreaId);
            ctx.jdbc().update("DELETE FROM legal_entity_einvoicing WHERE dataareaid = ?", dataAreaId);
            ctx.insertAudited("legal_entity_einvoicing", row("dataareaid", dataAreaId, "street", a.street().strip(),
                    "additionalstreet", trim(a.additionalStreet()), "city", a.city().strip(), "postalzone",
                    a.postalZone().strip(), "countrycode", a.countryCode(), "vatid", trim(seller.vatId()),
                    "legalregistrationid", trim(seller.legalRegistrationId()), "endpointscheme",
                    seller.endpoint().scheme(), "endpointid", seller.endpoint().id().strip(), "contactname",
                    trim(c.name()), "contactphone", trim(c.phone()), "contactemail", trim(c.email()),
                    "paymentmeanscode", pm.code(), "iban", compactIban(pm.iban()), "bic", trim(pm.bic()),
                    "accountname", trim(pm.accountName())));
        });
    }

    /**
     * Sets the buyer details of a customer, replacing earlier ones.
     *
     * @throws TandemException INVALID_INPUT or NOT_FOUND as listed on the class
     */
    public void setBuyer(String dataAreaId, String accountNum, Buyer buyer) {
        String what = "Customer " + accountNum;
        if (buyer == null) {
            throw new TandemException(INVALID_INPUT, what + ": buyer details are required");
        }
        address(buyer.address(), what, false);
        vatId(buyer.vatId(), what);
        endpoint(buyer.endpoint(), what);
        VatTreatment t = buyer.untaxed();
        if (t != null) {
            vatTreatment(t.category(), t.exemptionCode(), t.exemptionReason(), what, Set.of("E", "AE", "K", "G", "O",
                    "Z"));
        }
        Address a = buyer.address();
        ctx.inTransaction(() -> {
            requireRow("custtable", "dataareaid = ? AND accountnum = ?", what + " of legal entity " + dataAreaId,
                    dataAreaId, accountNum);
            ctx.jdbc().update("DELETE FROM custtable_einvoicing WHERE dataareaid = ? AND accountnum = ?", dataAreaId,
                    accountNum);
            ctx.insertAudited("custtable_einvoicing", row("dataareaid", dataAreaId, "accountnum", accountNum, "street",
                    trim(a.street()), "additionalstreet", trim(a.additionalStreet()), "city", trim(a.city()),
                    "postalzone", trim(a.postalZone()), "countrycode", a.countryCode(), "vatid", trim(buyer.vatId()),
                    "endpointscheme", buyer.endpoint().scheme(), "endpointid", buyer.endpoint().id().strip(),
                    "buyerreference", trim(buyer.buyerReference()), "untaxedvatcategory", t == null ? null
                            : t.category(), "untaxedexemptioncode", t == null ? null : trim(t.exemptionCode()),
                    "untaxedexemptionreason", t == null ? null : trim(t.exemptionReason())));
        });
    }

    /**
     * Sets the VAT category a sales tax code stands for on e-invoices (UNCL5305, BT-151; codes are S standard rated
     * until set) and its exemption reason.
     *
     * @throws TandemException INVALID_INPUT for a category outside UNCL5305 or one that needs an exemption reason
     *                         without one; NOT_FOUND for an unknown tax code
     */
    public void setTaxCodeVatCategory(String dataAreaId, String taxCode, VatTreatment treatment) {
        String what = "Sales tax code " + taxCode;
        vatTreatment(treatment.category(), treatment.exemptionCode(), treatment.exemptionReason(), what,
                VAT_CATEGORIES);
        ctx.inTransaction(() -> {
            Map<String, Object> audit = ctx.modified();
            int n = ctx.jdbc().update("UPDATE taxtable SET vatcategory = ?, vatexemptioncode = ?, vatexemptionreason = ?, "
                    + "modifiedon = ?, modifiedby = ? WHERE dataareaid = ? AND taxcode = ?", treatment.category(),
                    trim(treatment.exemptionCode()), trim(treatment.exemptionReason()), audit.get("modifiedon"),
                    audit.get("modifiedby"), dataAreaId, taxCode);
            if (n == 0) {
                throw new TandemException(NOT_FOUND, what + " doesn't exist in legal entity " + dataAreaId);
            }
        });
    }

    /** The seller details of a legal entity; empty when none were set. */
    public Optional<Seller> seller(String dataAreaId) {
        return ctx.jdbc().query("SELECT * FROM legal_entity_einvoicing WHERE dataareaid = ?", (rs, n) -> new Seller(
                address(rs), rs.getString("vatid"), rs.getString("legalregistrationid"), new Endpoint(
                rs.getString("endpointscheme"), rs.getString("endpointid")), new Contact(rs.getString("contactname"),
                rs.getString("contactphone"), rs.getString("contactemail")), new PaymentMeans(
                rs.getString("paymentmeanscode"), rs.getString("iban"), rs.getString("bic"),
                rs.getString("accountname"))), dataAreaId).stream().findFirst();
    }

    /** The buyer details of a customer; empty when none were set. */
    public Optional<Buyer> buyer(String dataAreaId, String accountNum) {
        return ctx.jdbc().query("SELECT * FROM custtable_einvoicing WHERE dataareaid = ? AND accountnum = ?",
                (rs, n) -> new Buyer(address(rs), rs.getString("vatid"), new Endpoint(rs.getString("endpointscheme"),
                        rs.getString("endpointid")), rs.getString("buyerreference"),
                        rs.getString("untaxedvatcategory") == null ? null : new VatTreatment(
                                rs.getString("untaxedvatcategory"), rs.getString("untaxedexemptioncode"),
                                rs.getString("untaxedexemptionreason"))), dataAreaId, accountNum).stream().findFirst();
    }

    /** The VAT category and exemption reason of each sales tax code of a legal entity, by code. */
    public Map<String, VatTreatment> taxCodeCategories(String dataAreaId) {
        Map<String, VatTreatment> byCode = new LinkedHashMap<>();
        ctx.jdbc().query("SELECT taxcode, vatcategory, vatexemptioncode, vatexemptionreason FROM taxtable WHERE "
                + "dataareaid = ? ORDER BY taxcode", rs -> {
                    byCode.put(rs.getString(1), new VatTreatment(rs.getString(2), rs.getString(3), rs.getString(4)));
                }, dataAreaId);
        return byCode;
    }

    /**
     * Whether {@code iban} is an IBAN by ISO 13616: two letters, two check digits and 11 to 30 letters or digits
     * (spaces ignored), whose check gives 1 modulo 97.
     */
    public static boolean validIban(String iban) {
        String compact = compactIban(iban);
        if (compact == null || !IBAN.matcher(compact).matches()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValueExact() == 1;
    }

    private static Address address(ResultSet rs) throws SQLException {
        return new Address(rs.getString("street"), rs.getString("additionalstreet"), rs.getString("city"),
                rs.getString("postalzone"), rs.getString("countrycode").trim());
    }

    private static void address(Address a, String what, boolean complete) {
        if (a == null || blank(a.countryCode()) || !COUNTRIES.contains(a.countryCode())) {
            throw new TandemException(INVALID_INPUT, what + ": country " + (a == null ? null : a.countryCode())
                    + " is not an ISO 3166-1 alpha-2 code (e.g. DE, AT, US) (EN 16931 BR-9, BR-11)");
        }
        if (complete && (blank(a.street()) || blank(a.city()) || blank(a.postalZone()))) {
            throw new TandemException(INVALID_INPUT, what + ": the seller's address needs street, city and post code "
                    + "(German rules DE-R-003, DE-R-004)");
        }
    }

    private static void vatId(String vatId, String what) {
        if (!blank(vatId) && !VAT_ID.matcher(vatId.strip()).matches()) {
            throw new TandemException(INVALID_INPUT, what + ": VAT identifier \"" + vatId + "\" must start with its "
                    + "country's two capital letters (ISO 3166-1 alpha-2, EL for Greece) (EN 16931 BR-CO-09)");
        }
    }

    private static void endpoint(Endpoint e, String what) {
        if (e == null || blank(e.scheme()) || !EAS.matcher(e.scheme()).matches() || blank(e.id())) {
            throw new TandemException(INVALID_INPUT, what + ": a Peppol endpoint needs a scheme, a 4-digit EAS code "
                    + "(e.g. 9930, 0088), and an id (Peppol PEPPOL-EN16931-R020, R010)");
        }
    }

    private static void vatTreatment(String category, String code, String reason, String what, Set<String> allowed) {
        if (category == null || !allowed.contains(category)) {
            throw new TandemException(INVALID_INPUT, what + ": VAT category " + category + " is none of "
                    + String.join(", ", allowed.stream().sorted().toList()) + " (UNCL5305, EN 16931 BT-151)");
        }
        if (NEEDS_EXEMPTION_REASON.contains(category) && blank(code) && blank(reason)) {
            throw new TandemException(INVALID_INPUT, what + ": VAT category " + category + " needs an exemption reason "
                    + "text or a VATEX code (EN 16931 BR-" + (category.equals("K") ? "IC" : category) + "-10)");
        }
    }

    private void requireRow(String table, String where, String what, Object... args) {
        Integer n = ctx.jdbc().queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where, Integer.class, args);
        if (n == null || n == 0) {
            throw new TandemException(NOT_FOUND, what + " doesn't exist", Map.of("row", what));
        }
    }

    private static String compactIban(String iban) {
        return iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
