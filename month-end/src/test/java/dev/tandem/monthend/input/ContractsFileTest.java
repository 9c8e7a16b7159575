package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * contracts.yaml's rules (docs/input-format.md, "contracts.yaml"), which mirror what Project Operations refuses when
 * the contracts are created, each at the line and column of the value.
 */
class ContractsFileTest {

    private static final String FILE = "contracts.yaml";

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    @Test
    void customersAndProjectsAreThoseOfTheFolder() {
        InputFolderFixture folder = folder().replace(FILE, "customer: C-300", "customer: C-999")
                .replace(FILE, "project: P-300", "project: P-999");

        assertThat(folder.problems()).containsExactly(
                "contracts.yaml:16:25: UNKNOWN_CUSTOMER: \"C-999\" is not a customer number of customers.csv",
                "contracts.yaml:32:18: UNKNOWN_PROJECT: \"P-999\" is not a project number of projects.csv");
    }

    @Test
    void theSalesPriceListExistsIsASalesListAndInTheContractCurrency() {
        assertThat(folder().replace(FILE, "salesPriceList: Sales USD 2025", "salesPriceList: Sales CHF").problems())
                .containsExactly("contracts.yaml:28:21: UNKNOWN_PRICE_LIST: \"Sales CHF\" is not a price list of "
                        + "price-lists.csv");
        assertThat(folder().replace(FILE, "salesPriceList: Sales EUR 2025", "salesPriceList: Cost 2025").problems())
                .containsExactly("contracts.yaml:6:21: INVALID: price list \"Cost 2025\" is the cost price list; a "
                        + "contract names a sales price list");
        assertThat(folder().replace(FILE, "currency: USD", "currency: EUR").problems()).containsExactly(
                "contracts.yaml:28:21: INVALID: price list \"Sales USD 2025\" is in USD but the contract is in EUR");
    }

    @Test
    void contractNumbersAreUnique() {
        assertThat(folder().replace(FILE, "number: PC-2001", "number: PC-1001").problems()).containsExactly(
                "contracts.yaml:24:13: DUPLICATE: contract number \"PC-1001\" is defined twice");
    }

    @Test
    void aContractHasLines() {
        String text = folder().text(FILE);
        InputFolderFixture folder = folder().write(FILE, text.substring(0, text.indexOf("    lines:\n      - name: "
                + "Project management")));

        assertThat(folder.problems()).containsExactly("contracts.yaml:24:5: REQUIRED: lines is required");
    }

    @Test
    void aTypoInALineKeyIsReportedAtTheKey() {
        assertThat(folder().replace(FILE, "billingMethod: TIME_AND_MATERIAL\n        project: P-300",
                "billingmethod: TIME_AND_MATERIAL\n        project: P-300").problems()).containsExactly(
                "contracts.yaml:30:9: REQUIRED: billingMethod is required",
                "contracts.yaml:31:9: INVALID: unknown key \"billingmethod\"; expected one of billingMethod, "
                        + "contractedAmount, customers, include, milestones, name, nteLimit, project");
    }

    @Test
    void theBillingMethodIsOneOfTwo() {
        assertThat(folder().replace(FILE, "TIME_AND_MATERIAL\n        project: P-100", "T&M\n        project: P-100")
                .problems()).containsExactly("contracts.yaml:10:24: INVALID: \"T&M\" is not a valid billingMethod; "
                + "expected one of TIME_AND_MATERIAL, FIXED_PRICE");
    }

    @Test
    void milestonesSumExactlyToTheContractedAmount() {
        assertThat(folder().replace(FILE, "amount: 8000 }", "amount: 7999.99 }").problems()).containsExactly(
                "contracts.yaml:22:11: INVALID: the milestones sum to 11999.99 EUR but the contracted amount is "
                        + "12000.00 EUR; they must be equal");
    }

    @Test
    void aFixedPriceLineHasAContractedAmountAndMilestonesAndNoLimit() {
        InputFolderFixture folder = folder().replace(FILE, "        contractedAmount: 12000.00\n        milestones:\n"
                + "          - { name: Design signed off, date: 2025-02-28, amount: 4000.00 }\n"
                + "          - { name: Go-live, date: 2025-04-30, amount: 8000 }\n", "        nteLimit: 10\n");

        assertThat(folder.problems()).containsExactly(
                "contracts.yaml:17:9: REQUIRED: contractedAmount is required",
                "contracts.yaml:17:9: REQUIRED: milestones is required",
                "contracts.yaml:20:19: INVALID: a not-to-exceed limit applies to TIME_AND_MATERIAL lines only; line "
                        + "\"Go-live package\" is FIXED_PRICE");
    }

    @Test
    void aTimeAndMaterialLineHasClassesAndNoContractedAmountOrMilestones() {
        InputFolderFixture folder = folder().replace(FILE, "        include: [time]\n",
                "        contractedAmount: 100\n        milestones: [{ name: M, date: 2025-01-31, amount: 100 }]\n");

        assertThat(folder.problems()).containsExactly(
                "contracts.yaml:30:9: REQUIRED: include is required",
                "contracts.yaml:33:27: INVALID: a contracted amount belongs to FIXED_PRICE lines; line \"Project "
                        + "management\" is TIME_AND_MATERIAL",
                "contracts.yaml:34:21: INVALID: milestones exist only on FIXED_PRICE lines");
    }

    @Test
    void includeListsKnownClassesOnce() {
        assertThat(folder().replace(FILE, "include: [time, expense]", "include: [time, expenses, time]").problems())
                .containsExactly(
                        "contracts.yaml:12:25: INVALID: \"expenses\" is not a valid include; expected one of time, "
                                + "expense, material, fee",
                        "contracts.yaml:12:35: DUPLICATE: include lists \"time\" twice");
        assertThat(folder().replace(FILE, "include: [time]", "include: []").where()).containsExactly(
                "contracts.yaml:33:18: INVALID");
    }

    @Test
    void amountsHaveAtMostTheCurrencysMinorUnits() {
        InputFolderFixture folder = folder().replace(FILE, "nteLimit: 50000.00", "nteLimit: 50000.001")
                .replace(FILE, "nteLimit: 30000.00", "nteLimit: -1")
                .replace(FILE, "amount: 4000.00 }", "amount: 4000.000 }");

        assertThat(folder.problems()).containsExactly(
                "contracts.yaml:7:15: NUMBER_FORMAT: \"50000.001\" has 3 decimals; nteLimit allows at most 2",
                "contracts.yaml:13:19: NEGATIVE: nteLimit must not be below zero, not -1",
                "contracts.yaml:22:66: NUMBER_FORMAT: \"4000.000\" has 3 decimals; amount allows at most 2");
    }

    @Test
    void splitsTotalExactlyOneHundred() {
        assertThat(folder().replace(FILE, "split: 40", "split: 30").problems()).containsExactly(
                "contracts.yaml:15:11: INVALID: the customers' splits total 90 %; they must total exactly 100 %");
        assertThat(folder().replace(FILE, "split: 40", "split: 140").where()).containsExactly(
                "contracts.yaml:16:39: INVALID");
        assertThat(folder().replace(FILE, "C-300, split: 40,", "C-300,").problems()).containsExactly(
                "contracts.yaml:16:13: REQUIRED: split is required");
    }

    @Test
    void atMostOneLineCustomerTakesTheRounding() {
        assertThat(folder().replace(FILE, "nteLimit: 5000 }", "nteLimit: 5000, rounding: true }").problems())
                .containsExactly("contracts.yaml:16:69: INVALID: only one customer of a contract line takes the "
                        + "rounding difference; another one already has rounding: true");
        // None flagged is what Project Operations accepts too: the largest split then takes the rounding.
        assertThat(folder().replace(FILE, ", rounding: true", "").problems()).isEmpty();
        assertThat(folder().replace(FILE, "rounding: true", "rounding: yes").problems()).containsExactly(
                "contracts.yaml:15:53: INVALID: \"yes\" is not a valid rounding; write true or false");
    }

    @Test
    void aCustomerIsOnALineOnce() {
        assertThat(folder().replace(FILE, "customer: C-300", "customer: c-100").problems()).containsExactly(
                "contracts.yaml:16:25: DUPLICATE: customer \"C-100\" is on this contract line twice");
    }

    @Test
    void aSingleLineCustomerWithoutSplitTakesAll() {
        InputFolder.Result result = folder().replace(FILE, "        include: [time]\n",
                "        include: [time]\n        customers: [{ customer: C-200 }]\n").read();

        assertThat(result.problems()).isEmpty();
        RunInput.LineCustomer only = result.input().contracts().get(1).lines().getFirst().customers().getFirst();
        assertThat(only.split()).isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(only.rounding()).isFalse();
    }

    @Test
    void aProjectsClassIsBilledByOneLine() {
        assertThat(folder().replace(FILE, "project: P-300", "project: P-100").problems()).containsExactly(
                "contracts.yaml:33:18: INVALID: project P-100 is already billed for time by line \"Consulting\" of "
                        + "contract PC-1001; a project's transaction class is billed by one contract line only");
    }

    @Test
    void milestoneValues() {
        assertThat(folder().replace(FILE, "date: 2025-04-30", "date: 30.04.2025")
                .replace(FILE, "name: Design signed off, ", "").where()).containsExactly(
                "contracts.yaml:22:13: REQUIRED", "contracts.yaml:23:36: DATE_FORMAT");
    }
}
