package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** company.yaml's rules (docs/input-format.md, "company.yaml"), with the exact line and column of the value. */
class CompanyFileTest {

    private static final String FILE = "company.yaml";

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    @Test
    void aTypoInAKeyIsReportedAtTheKey() {
        InputFolderFixture folder = folder().replace(FILE, "  costOffset:", "  costOfset:");

        assertThat(folder.problems()).containsExactly(
                "company.yaml:21:3: REQUIRED: costOffset is required",
                "company.yaml:24:3: INVALID: unknown key \"costOfset\"; expected one of accrueRevenue, accruedRevenue, "
                        + "cost, costOffset, customerBalance, id, invoicedRevenue, onAccountRevenue, rounding, "
                        + "salesTaxPayable, wipOnAccount, wipSalesValue");
    }

    @Test
    void aTopLevelTypoIsReported() {
        assertThat(folder().replace(FILE, "contractingUnit:", "contractUnit:").where()).containsExactly(
                "company.yaml:1:1: REQUIRED", "company.yaml:5:1: INVALID");
    }

    @Test
    void legalEntityIsOneToFourLettersOrDigits() {
        assertThat(folder().replace(FILE, "legalEntity: NWCO", "legalEntity: NW-CO1").problems()).containsExactly(
                "company.yaml:1:14: INVALID: legalEntity \"NW-CO1\" must be 1 to 4 letters or digits");
    }

    @Test
    void theAccountingCurrencyIsACurrencyAndTheEuro() {
        assertThat(folder().replace(FILE, "accountingCurrency: EUR", "accountingCurrency: EURO").where())
                .containsExactly("company.yaml:3:21: CURRENCY");
        assertThat(folder().replace(FILE, "accountingCurrency: EUR", "accountingCurrency: USD").problems())
                .containsExactly("company.yaml:3:21: INVALID: accountingCurrency must be EUR: rates/eurofxref-hist.csv "
                        + "holds the ECB's euro reference rates, which convert to and from the euro only",
                        "price-lists.csv:2:3: INVALID: the cost price list \"Cost 2025\" must be in the accounting "
                                + "currency USD, not EUR");
    }

    @Test
    void periodsAreMoreThanZero() {
        assertThat(folder().replace(FILE, "periods: 24", "periods: 0").problems()).containsExactly(
                "company.yaml:7:10: INVALID: periods must be 1 to 1200, not 0");
        assertThat(folder().replace(FILE, "periods: 24", "periods: -3").where()).containsExactly(
                "company.yaml:7:10: NEGATIVE");
        assertThat(folder().replace(FILE, "periods: 24", "periods: 2.5").where()).containsExactly(
                "company.yaml:7:10: NUMBER_FORMAT");
    }

    @Test
    void firstPeriodIsARealDate() {
        assertThat(folder().replace(FILE, "firstPeriod: 2025-01-01", "firstPeriod: 2025-02-30").problems())
                .containsExactly("company.yaml:6:14: DATE_FORMAT: \"2025-02-30\" is not a date in the form YYYY-MM-DD");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(folder().replace(FILE, "accrueRevenue: true", "accrueRevenue: yes").problems()).containsExactly(
                "company.yaml:22:18: INVALID: \"yes\" is not a valid accrueRevenue; write true or false");
    }

    @Test
    void withoutAccruedRevenueTheWipAccountsMayBeLeftOut() {
        InputFolderFixture folder = folder().replace(FILE, "accrueRevenue: true", "accrueRevenue: false")
                .replace(FILE, "  wipSalesValue: \"140100\"\n", "").replace(FILE, "  accruedRevenue: \"401100\"\n", "");

        InputFolder.Result result = folder.read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().company().postingProfile().wipSalesValue()).isNull();
        assertThat(result.input().company().postingProfile().accrueRevenue()).isFalse();
    }

    @Test
    void accruingRevenueNeedsTheWipAccounts() {
        assertThat(folder().replace(FILE, "  wipSalesValue: \"140100\"\n", "").problems()).containsExactly(
                "company.yaml:21:3: REQUIRED: wipSalesValue is required");
    }

    @Test
    void profileAccountsAreMainAccounts() {
        assertThat(folder().replace(FILE, "cost: \"600100\"", "cost: \"600199\"").problems()).containsExactly(
                "company.yaml:23:9: INVALID: \"600199\" is not an account of mainAccounts");
    }

    @Test
    void mainAccountTypesAndDuplicates() {
        InputFolderFixture folder = folder()
                .replace(FILE, "name: Customer balance, type: ASSET", "name: Customer balance, type: ASSETS")
                .replace(FILE, "account: \"140200\"", "account: \"140100\"");

        assertThat(folder.problems()).containsExactly(
                "company.yaml:10:56: INVALID: \"ASSETS\" is not a valid type; expected one of ASSET, LIABILITY, "
                        + "EQUITY, REVENUE, EXPENSE",
                "company.yaml:12:16: DUPLICATE: main account \"140100\" is defined twice",
                "company.yaml:29:17: INVALID: \"140200\" is not an account of mainAccounts");
    }

    @Test
    void numberSequencesNeedAllFour() {
        assertThat(folder().replace(FILE, "  proposal: PP-\n", "").where()).containsExactly(
                "company.yaml:34:3: REQUIRED");
        assertThat(folder().replace(FILE, "  journal: PIJ-\n", "  journals: PIJ-\n").where()).containsExactly(
                "company.yaml:34:3: REQUIRED", "company.yaml:35:3: INVALID");
    }

    @Test
    void clockifyDateFormatIsOneOfTwo() {
        assertThat(folder().replace(FILE, "clockifyDateFormat: DD/MM/YYYY", "clockifyDateFormat: YYYY-MM-DD")
                .problems()).containsExactly("company.yaml:8:21: INVALID: \"YYYY-MM-DD\" is not a valid "
                + "clockifyDateFormat; expected one of MM/DD/YYYY, DD/MM/YYYY");
    }

    @Test
    void aKeyWrittenTwiceIsADuplicate() {
        assertThat(folder().replace(FILE, "periods: 24\n", "periods: 24\nperiods: 12\n").where()).containsExactly(
                "company.yaml:8:1: DUPLICATE");
    }

    @Test
    void yamlThatIsNotYamlIsReportedWhereItBreaks() {
        assertThat(folder().replace(FILE, "name: Northwind Consulting GmbH", "name: [Northwind").problems())
                .singleElement().asString().startsWith("company.yaml:3:19: INVALID: company.yaml is not valid YAML: ");
        assertThat(folder().write(FILE, "- a list\n").problems()).containsExactly(
                "company.yaml:1:1: INVALID: company.yaml must be a YAML mapping (key: value lines)");
    }
}
