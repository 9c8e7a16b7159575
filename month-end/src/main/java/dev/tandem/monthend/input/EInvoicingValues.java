package dev.tandem.monthend.input;

import dev.tandem.finance.einvoice.EInvoicingSetup;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules of the e-invoicing columns and keys (docs/input-format.md, "E-invoicing"): each reads a cell and
 * adds an {@code INVALID} problem naming the rule, as Finance would refuse the value ({@link EInvoicingSetup}).
 */
final class EInvoicingValues {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EAS = Pattern.compile("\\d{4}");
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Za-z+*.]{2,28}");
    private static final Pattern PAYMENT_MEANS = Pattern.compile("\\d{1,3}|ZZZ");
    /** VAT categories of a customer's untaxed lines (UNCL5305 without S, L, M). */
    static final String[] UNTAXED_CATEGORIES = {"E", "AE", "K", "G", "O", "Z"};

    private EInvoicingValues() {
    }

    /** An ISO 3166-1 alpha-2 country code in capitals, e.g. DE. */
    static String country(Cell cell, boolean required) {
        String text = required ? cell.required() : cell.text();
        if (text != null && !COUNTRIES.contains(text)) {
            cell.problem("INVALID", "\"" + text + "\" is not an ISO 3166-1 alpha-2 country code in capitals (e.g. DE, "
                    + "AT, US)");
            return null;
        }
        return text;
    }

    /** A VAT identifier with its country prefix (EN 16931 BR-CO-09), e.g. DE123456789. */
    static String vatId(Cell cell) {
        String text = cell.text();
        if (text != null && !VAT_ID.matcher(text).matches()) {
            cell.problem("INVALID", "\"" + text + "\" is not a VAT identifier: it starts with its country's two "
                    + "capital letters (EN 16931 BR-CO-09), e.g. DE123456789");
            return null;
        }
        return text;
    }

    /** A Peppol endpoint scheme: a 4-digit EAS code, e.g. 9930 (German VAT number) or 0088 (GLN). */
    static String endpointScheme(Cell cell, boolean required) {
        String text = required ? cell.required() : cell.text();
        if (text != null && !EAS.matcher(text).matches()) {
            cell.problem("INVALID", "\"" + text + "\" is not a Peppol endpoint scheme: a 4-digit EAS code such as 9930 "
                    + "or 0088");
            return null;
        }
        return text;
    }

    /** A UNCL4461 payment means code, e.g. 58 (SEPA credit transfer). */
    static String paymentMeans(Cell cell) {
        String text = cell.required();
        if (text != null && !PAYMENT_MEANS.matcher(text).matches()) {
            cell.problem("INVALID", "\"" + text + "\" is not a UNCL4461 payment means code (e.g. 30 credit transfer, "
                    + "58 SEPA credit transfer)");
            return null;
        }
        return text;
    }

    /** An IBAN whose check digits are right (ISO 13616); spaces allowed. */
    static String iban(Cell cell, boolean required) {
        String text = required ? cell.required() : cell.text();
        if (text != null && !EInvoicingSetup.validIban(text)) {
            cell.problem("INVALID", "\"" + text + "\" is not a valid IBAN (country, check digits, account; the check "
                    + "digits must give 1 modulo 97)");
            return null;
        }
        return text;
    }
}
