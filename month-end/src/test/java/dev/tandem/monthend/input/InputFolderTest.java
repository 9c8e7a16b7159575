package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.monthend.input.RunInput.Contract;
import dev.tandem.monthend.input.RunInput.ContractLine;
import dev.tandem.monthend.input.RunInput.PriceContext;
import dev.tandem.monthend.input.RunInput.PriceKind;
import dev.tandem.monthend.input.RunInput.WorkKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole input folder read by {@link InputFolder#read} (docs/input-format.md). */
class InputFolderTest {

    @TempDir
    Path dir;

    @Test
    void aValidFolderGivesItsContent() {
        InputFolderFixture folder = InputFolderFixture.validIn(dir);
        InputFolder.Result result = folder.read();

        assertThat(result.problems()).isEmpty();
        RunInput input = result.input();
        assertThat(input.folder()).isEqualTo(folder.folder());
        assertThat(input.company().legalEntity()).isEqualTo("NWCO");
        assertThat(input.company().accountingCurrency()).isEqualTo("EUR");
        assertThat(input.company().firstPeriod()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(input.company().periods()).isEqualTo(24);
        assertThat(input.company().mainAccounts()).hasSize(10).first()
                .isEqualTo(new RunInput.MainAccount("110000", "Customer balance", "ASSET"));
        assertThat(input.company().postingProfile().accrueRevenue()).isTrue();
        assertThat(input.company().postingProfile().wipSalesValue()).isEqualTo("140100");
        assertThat(input.company().postingProfile().rounding()).isEqualTo("999999");
        assertThat(input.company().numberSequences()).isEqualTo(Map.of("voucher", "GJ-", "journal", "PIJ-",
                "proposal", "PP-", "customerInvoice", "CI-"));

        assertThat(input.customers()).extracting(RunInput.Customer::number).containsExactly("C-100", "C-200", "C-300");
        assertThat(input.customers().get(0).group()).isEqualTo("20");
        assertThat(input.customers().get(1).group()).as("default group").isEqualTo("10");
        assertThat(input.customers().get(1).paymentTermDays()).isEqualTo(14);
        assertThat(input.customers().get(2).name()).isEqualTo("Tailspin, Toys");
        assertThat(input.customers().get(2).source()).isEqualTo(new Source("customers.csv", 4));

        assertThat(input.resources().get(0).roles()).containsExactly("Senior Consultant", "Consultant");
        assertThat(input.resources().get(1).email()).isNull();
        assertThat(input.projects().get(2)).isEqualTo(new RunInput.Project(new Source("projects.csv", 4), "P-300",
                "US Expansion", "C-200"));

        assertThat(input.prices()).hasSize(8);
        RunInput.Price usd = input.prices().get(7);
        assertThat(usd.context()).isEqualTo(PriceContext.SALES);
        assertThat(usd.kind()).isEqualTo(PriceKind.ROLE);
        assertThat(usd.validTo()).isNull();
        assertThat(usd.price()).isEqualByComparingTo("175.123456");
        assertThat(input.prices().get(4).validTo()).isEqualTo(LocalDate.of(2025, 12, 31));

        assertThat(input.time().toList()).as("no time/ directory").isEmpty();
        assertThat(input.exchangeRates()).isEqualTo(folder.folder().resolve("rates/eurofxref-hist.csv"));
    }

    @Test
    void contractsWithLinesCustomersAndMilestones() {
        List<Contract> contracts = InputFolderFixture.validIn(dir).read().input().contracts();

        assertThat(contracts).extracting(Contract::number).containsExactly("PC-1001", "PC-2001");
        Contract erp = contracts.getFirst();
        assertThat(erp.source()).isEqualTo(new Source("contracts.yaml", 2));
        assertThat(erp.nteLimit()).isEqualByComparingTo("50000.00");
        assertThat(erp.salesPriceList()).isEqualTo("Sales EUR 2025");
        ContractLine consulting = erp.lines().get(0);
        assertThat(consulting.include()).containsExactly("time", "expense");
        assertThat(consulting.customers()).extracting(RunInput.LineCustomer::customer, RunInput.LineCustomer::split,
                RunInput.LineCustomer::rounding).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C-100", new BigDecimal("60"), true),
                org.assertj.core.groups.Tuple.tuple("C-300", new BigDecimal("40"), false));
        assertThat(consulting.customers().get(1).nteLimit()).isEqualByComparingTo("5000");
        ContractLine fixed = erp.lines().get(1);
        assertThat(fixed.billingMethod()).isEqualTo("FIXED_PRICE");
        assertThat(fixed.contractedAmount()).isEqualByComparingTo("12000");
        assertThat(fixed.milestones()).extracting(RunInput.Milestone::date)
                .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 4, 30));
        assertThat(fixed.customers()).as("default: the contract customer").isEmpty();
    }

    @Test
    void expensesAreBillableRowsWithSourceKeys() {
        List<RunInput.WorkRow> expenses = InputFolderFixture.validIn(dir).read().input().expenses().toList();

        assertThat(expenses).hasSize(3).allSatisfy(row -> {
            assertThat(row.kind()).isEqualTo(WorkKind.EXPENSE);
            assertThat(row.format()).isEqualTo("expenses");
            assertThat(row.billable()).isTrue();
            assertThat(row.sourceKey()).matches("expenses:[0-9a-f]{64}#\\d+");
        });
        RunInput.WorkRow second = expenses.get(1);
        assertThat(second.project()).as("by name, as defined").isEqualTo("P-100");
        assertThat(second.resource()).isEqualTo("Ada Lovelace");
        assertThat(second.category()).isEqualTo("Travel");
        // The second row says the same as the first (by name, other case, other decimals): same hash, next occurrence.
        String hash = expenses.get(0).sourceKey().substring(0, expenses.get(0).sourceKey().indexOf('#'));
        assertThat(expenses.get(0).sourceKey()).isEqualTo(hash + "#1");
        assertThat(second.sourceKey()).isEqualTo(hash + "#2");
        assertThat(expenses.get(2).sourceKey()).endsWith("#1").doesNotStartWith(hash);
        assertThat(expenses.get(2).unitPrice()).isNull();
        assertThat(expenses.get(2).source()).isEqualTo(new Source("expenses.csv", 4));
    }

    @Test
    void theSourceKeyIsTheHashOfTheNormalizedValues() throws Exception {
        RunInput.WorkRow first = InputFolderFixture.validIn(dir).read().input().expenses().toList().getFirst();

        String values = String.join("\u001F", "2025-03-03", "P-100", "Ada Lovelace", "Travel", "1", "120.5", "EUR",
                "Train Berlin");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(values.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(first.sourceKey()).isEqualTo("expenses:" + expected + "#1");
    }

    @Test
    void expensesAreOptional() {
        InputFolder.Result result = InputFolderFixture.validIn(dir).delete("expenses.csv").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().expenses().toList()).isEmpty();
    }

    @Test
    void everyMissingRequiredFileIsAProblem() {
        InputFolderFixture folder = InputFolderFixture.validIn(dir);
        for (String file : List.of("company.yaml", "customers.csv", "resources.csv", "projects.csv", "price-lists.csv",
                "contracts.yaml", "rates/eurofxref-hist.csv")) {
            folder.delete(file);
        }

        assertThat(folder.problems()).containsExactly(
                "company.yaml:1:1: MISSING_FILE: company.yaml is required but is not in the input folder",
                "contracts.yaml:1:1: MISSING_FILE: contracts.yaml is required but is not in the input folder",
                "customers.csv:1:1: MISSING_FILE: customers.csv is required but is not in the input folder",
                "price-lists.csv:1:1: MISSING_FILE: price-lists.csv is required but is not in the input folder",
                "projects.csv:1:1: MISSING_FILE: projects.csv is required but is not in the input folder",
                "rates/eurofxref-hist.csv:1:1: MISSING_FILE: rates/eurofxref-hist.csv is required but is not in the "
                        + "input folder",
                "resources.csv:1:1: MISSING_FILE: resources.csv is required but is not in the input folder");
    }

    @Test
    void problemsOfSeveralFilesAreAllReportedSorted() {
        InputFolderFixture folder = InputFolderFixture.validIn(dir)
                .replace("expenses.csv", "2025-03-04,P-300", "2025-02-30,P-300")
                .replace("customers.csv", "C-200,Fabrikam Inc,USD", "C-200,Fabrikam Inc,USDX")
                .replace("company.yaml", "periods: 24", "periods: 0")
                .replace("contracts.yaml", "customer: C-200", "customer: C-999")
                .replace("expenses.csv", "P-100,Ada Lovelace,Travel,1,", "P-100,Ada Lovelace,Travel,-1,");

        assertThat(folder.where()).containsExactly(
                "company.yaml:7:10: INVALID",
                "contracts.yaml:26:15: UNKNOWN_CUSTOMER",
                "customers.csv:3:3: CURRENCY",
                "expenses.csv:2:5: NEGATIVE",
                "expenses.csv:4:1: DATE_FORMAT");
        assertThat(folder.problems()).contains(
                "contracts.yaml:26:15: UNKNOWN_CUSTOMER: \"C-999\" is not a customer number of customers.csv",
                "expenses.csv:4:1: DATE_FORMAT: \"2025-02-30\" is not a date in the form YYYY-MM-DD");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        InputFolderFixture folder = InputFolderFixture.validIn(dir);
        folder.write("customers.csv", "\uFEFF" + folder.text("customers.csv"));
        folder.write("company.yaml", "\uFEFF" + folder.text("company.yaml"));

        InputFolder.Result result = folder.read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().customers().getFirst().number()).isEqualTo("C-100");
    }
}
