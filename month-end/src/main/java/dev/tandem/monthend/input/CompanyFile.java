package dev.tandem.monthend.input;

import dev.tandem.monthend.input.RunInput.Company;
import dev.tandem.monthend.input.RunInput.MainAccount;
import dev.tandem.monthend.input.RunInput.PostingProfile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code company.yaml} (docs/input-format.md, "company.yaml"): the legal entity, its accounting currency and
 * fiscal periods, the chart of accounts the posting profile uses, the one posting profile (§9) and the number
 * sequences.
 */
final class CompanyFile {

    static final String FILE = "company.yaml";

    /** The ECB publishes euro rates only, so the accounting currency must be the euro for them to convert. */
    static final String ECB_BASE = "EUR";

    private static final Set<String> KEYS = Set.of("legalEntity", "name", "accountingCurrency", "exchangeRateType",
            "contractingUnit", "firstPeriod", "periods", "clockifyDateFormat", "mainAccounts", "postingProfile",
            "numberSequences", "eInvoicing");
    private static final Set<String> E_INVOICING_KEYS = Set.of("street", "additionalStreet", "city", "postalZone",
            "country", "vatId", "legalRegistrationId", "endpointScheme", "endpointId", "contactName", "contactPhone",
            "contactEmail", "paymentMeansCode", "iban", "bic", "accountName");
    private static final Set<String> ACCOUNT_KEYS = Set.of("account", "name", "type");
    private static final List<String> PROFILE_ACCOUNTS = List.of("cost", "costOffset", "wipSalesValue",
            "accruedRevenue", "invoicedRevenue", "onAccountRevenue", "wipOnAccount", "customerBalance",
            "salesTaxPayable", "rounding");
    private static final Set<String> PROFILE_KEYS;
    private static final List<String> SEQUENCES = List.of("voucher", "journal", "proposal", "customerInvoice");
    private static final Pattern LEGAL_ENTITY = Pattern.compile("[A-Za-z0-9]{1,4}");
    /** Finance's fiscal calendar holds 1 to 1200 months (FinanceSetup.createMonthlyPeriods). */
    private static final int MAX_PERIODS = 1200;

    static {
        Set<String> keys = new HashSet<>(PROFILE_ACCOUNTS);
        keys.add("id");
        keys.add("accrueRevenue");
        PROFILE_KEYS = Set.copyOf(keys);
    }

    /** company.yaml as read; {@code clockifyDateFormat} null when not given. */
    record Read(Company company, String clockifyDateFormat) {
    }

    private CompanyFile() {
    }

    /** @return the company, or null when the file can't be read as a YAML mapping (a problem is added) */
    static Read read(Path folder, List<InputProblem> problems) {
        YamlMapping yaml = YamlFile.read(folder, FILE, KEYS, problems);
        if (yaml == null) {
            return null;
        }
        Cell legalEntityCell = yaml.cell("legalEntity");
        String legalEntity = legalEntityCell.required();
        if (legalEntity != null && !LEGAL_ENTITY.matcher(legalEntity).matches()) {
            legalEntityCell.problem("INVALID", "legalEntity \"" + legalEntity + "\" must be 1 to 4 letters or digits");
        }
        Cell currencyCell = yaml.cell("accountingCurrency");
        String currency = currencyCell.currency(true);
        if (currency != null && !currency.equals(ECB_BASE)) {
            currencyCell.problem("INVALID", "accountingCurrency must be EUR: rates/eurofxref-hist.csv holds the "
                    + "ECB's euro reference rates, which convert to and from the euro only");
        }
        Cell periodsCell = yaml.cell("periods");
        Integer periods = periodsCell.wholeNumber(true);
        if (periods != null && (periods < 1 || periods > MAX_PERIODS)) {
            periodsCell.problem("INVALID", "periods must be 1 to " + MAX_PERIODS + ", not " + periods);
        }
        String clockify = yaml.cell("clockifyDateFormat").oneOf(false, "MM/DD/YYYY", "DD/MM/YYYY");
        LocalDate firstPeriod = yaml.cell("firstPeriod").date(true);
        List<MainAccount> accounts = mainAccounts(yaml);
        PostingProfile profile = postingProfile(yaml, accounts);
        Company company = new Company(legalEntity, yaml.cell("name").required(), currency,
                yaml.cell("exchangeRateType").required(), yaml.cell("contractingUnit").required(), firstPeriod,
                periods == null ? 0 : periods, accounts, profile, numberSequences(yaml), eInvoicing(yaml));
        return new Read(company, clockify);
    }

    private static List<MainAccount> mainAccounts(YamlMapping yaml) {
        List<MainAccount> accounts = new ArrayList<>();
        KeySet numbers = new KeySet();
        for (Node item : yaml.list("mainAccounts", true)) {
            YamlMapping account = yaml.mapping(item, "a main account", ACCOUNT_KEYS);
            if (account == null) {
                continue;
            }
            String number = numbers.define(account.cell("account"), "main account");
            accounts.add(new MainAccount(number, account.cell("name").required(),
                    account.cell("type").oneOf(true, "ASSET", "LIABILITY", "EQUITY", "REVENUE", "EXPENSE")));
        }
        return accounts;
    }

    /** The profile; its accounts must be main accounts, as Finance requires them to exist (FinanceSetup). */
    private static PostingProfile postingProfile(YamlMapping yaml, List<MainAccount> accounts) {
        YamlMapping profile = yaml.mapping("postingProfile", PROFILE_KEYS, true);
        if (profile == null) {
            return null;
        }
        KeySet known = new KeySet();
        accounts.forEach(account -> known.add(account.account()));
        known.markComplete();
        boolean accrue = profile.bool("accrueRevenue", true, false);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : PROFILE_ACCOUNTS) {
            Cell cell = profile.cell(key);
            boolean required = accrue || !(key.equals("wipSalesValue") || key.equals("accruedRevenue"));
            if (required) {
                cell.required();
            }
            values.put(key, known.resolve(cell, "INVALID", "is not an account of mainAccounts"));
        }
        return new PostingProfile(profile.cell("id").required(), accrue, values.get("cost"), values.get("costOffset"),
                values.get("wipSalesValue"), values.get("accruedRevenue"), values.get("invoicedRevenue"),
                values.get("onAccountRevenue"), values.get("wipOnAccount"), values.get("customerBalance"),
                values.get("salesTaxPayable"), values.get("rounding"));
    }

    /**
     * The optional {@code eInvoicing} mapping: the seller on e-invoices. Street, city, post code, country, Peppol
     * endpoint and payment means are required in it, and a VAT id or a legal registration id (EN 16931 BR-CO-26);
     * credit transfer (30, 58) needs an IBAN (BR-61).
     */
    private static RunInput.SellerDetails eInvoicing(YamlMapping yaml) {
        YamlMapping e = yaml.mapping("eInvoicing", E_INVOICING_KEYS, false);
        if (e == null) {
            return null;
        }
        String vatId = EInvoicingValues.vatId(e.cell("vatId"));
        String registration = e.cell("legalRegistrationId").text();
        if (e.cell("vatId").isEmpty() && registration == null) {
            e.cell("vatId").problem("REQUIRED", "eInvoicing needs vatId or legalRegistrationId (EN 16931 BR-CO-26)");
        }
        String means = EInvoicingValues.paymentMeans(e.cell("paymentMeansCode"));
        boolean transfer = "30".equals(means) || "58".equals(means);
        return new RunInput.SellerDetails(e.cell("street").required(), e.cell("additionalStreet").text(),
                e.cell("city").required(), e.cell("postalZone").required(),
                EInvoicingValues.country(e.cell("country"), true), vatId, registration,
                EInvoicingValues.endpointScheme(e.cell("endpointScheme"), true), e.cell("endpointId").required(),
                e.cell("contactName").text(), e.cell("contactPhone").text(), e.cell("contactEmail").text(), means,
                EInvoicingValues.iban(e.cell("iban"), transfer), e.cell("bic").text(), e.cell("accountName").text());
    }

    private static Map<String, String> numberSequences(YamlMapping yaml) {
        YamlMapping sequences = yaml.mapping("numberSequences", Set.copyOf(SEQUENCES), true);
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (sequences != null) {
            for (String code : SEQUENCES) {
                prefixes.put(code, sequences.cell(code).required());
            }
        }
        return prefixes;
    }
}
