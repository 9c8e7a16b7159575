package dev.tandem.monthend.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of customers.csv, resources.csv, projects.csv and price-lists.csv (docs/input-format.md), each at the
 * CSV line where the record starts and the field's position.
 */
class MasterFilesTest {

    @TempDir
    Path dir;

    private InputFolderFixture folder() {
        return InputFolderFixture.validIn(dir);
    }

    @Test
    void aMissingColumnIsReportedAtTheHeader() {
        InputFolderFixture folder = folder().write("customers.csv", "number,name,currency\nC-100,Contoso,EUR\n");

        assertThat(folder.problems()).containsExactly(
                "customers.csv:1:1: MISSING_COLUMN: customers.csv has no column \"payment_terms_days\" in its header row");
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderAndCase() {
        InputFolderFixture folder = folder().write("customers.csv",
                "Currency, NAME ,extra,number,payment_terms_days\nEUR,Contoso,x,C-100,30\nUSD,Fabrikam,,C-200,1\n"
                        + "EUR,Tailspin,,C-300,0\n");

        InputFolder.Result result = folder.read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().customers().getFirst()).isEqualTo(new RunInput.Customer(
                new Source("customers.csv", 2), "C-100", "Contoso", "EUR", 30, "10"));
    }

    @Test
    void customerValues() {
        InputFolderFixture folder = folder().append("customers.csv",
                "C-400,,EUR,30,\nc-100,Copy,EUR,-1,\nC-500,Five,EUR,1.5,\n");

        assertThat(folder.problems()).containsExactly(
                "customers.csv:5:2: REQUIRED: name is required",
                "customers.csv:6:1: DUPLICATE: customer number \"c-100\" is defined twice",
                "customers.csv:6:4: NEGATIVE: payment_terms_days must not be below zero, not -1",
                "customers.csv:7:4: NUMBER_FORMAT: \"1.5\" is not a whole number");
    }

    @Test
    void aRecordOverSeveralLinesIsReportedAtTheLineWhereItStarts() {
        InputFolderFixture folder = folder().append("customers.csv",
                "\nC-400,\"Multi\nline\",EUR,30,\nC-500,Five,EURO,1,\n");

        assertThat(folder.where()).containsExactly("customers.csv:8:3: CURRENCY");
    }

    @Test
    void resourceNamesAndRoles() {
        InputFolderFixture folder = folder().append("resources.csv",
                "ada lovelace,x@northwind.example,Consultant\nAlan Turing,ADA@northwind.example,Consultant;;Tester\n"
                        + "Edsger Dijkstra,,Tester;tester\nBarbara Liskov,,\n");

        assertThat(folder.problems()).containsExactly(
                "resources.csv:4:1: DUPLICATE: resource name \"ada lovelace\" is defined twice",
                "resources.csv:5:2: DUPLICATE: e-mail \"ADA@northwind.example\" is defined twice",
                "resources.csv:5:3: INVALID: roles \"Consultant;;Tester\" has an empty role name; separate role names by ;",
                "resources.csv:6:3: DUPLICATE: role \"tester\" is listed twice",
                "resources.csv:7:3: REQUIRED: roles is required");
    }

    @Test
    void projectKeysAndCustomers() {
        InputFolderFixture folder = folder().append("projects.csv",
                "P-100,Another,C-100\nP-400,erp rollout,C-100\nP-500,Five,C-999\n");

        assertThat(folder.problems()).containsExactly(
                "projects.csv:5:1: DUPLICATE: project number \"P-100\" is defined twice",
                "projects.csv:6:2: DUPLICATE: project name \"erp rollout\" is defined twice",
                "projects.csv:7:3: UNKNOWN_CUSTOMER: \"C-999\" is not a customer number of customers.csv");
    }

    @Test
    void aProjectMayNameItsCustomerInAnotherCase() {
        InputFolder.Result result = folder().replace("projects.csv", "P-300,US Expansion,C-200",
                "P-300,US Expansion,c-200").read();

        assertThat(result.problems()).isEmpty();
        assertThat(result.input().projects().get(2).customer()).isEqualTo("C-200");
    }

    @Test
    void priceValues() {
        InputFolderFixture folder = folder().append("price-lists.csv",
                "Sales GBP,sales,GBP,2025-01-01,2024-12-31,role,Consultant,1.1234567\n"
                        + "Sales GBP,Sale,GBP,2025-1-1,,kind,Consultant,1,234\n"
                        + "Sales GBP,sales,GBP,2025-01-01,2024-12-31,role,Tester,-5\n");

        assertThat(folder.where()).containsExactly(
                "price-lists.csv:10:5: INVALID",
                "price-lists.csv:10:8: NUMBER_FORMAT",
                "price-lists.csv:11:2: INVALID",
                "price-lists.csv:11:4: DATE_FORMAT",
                "price-lists.csv:11:5: INVALID",
                "price-lists.csv:11:6: INVALID",
                "price-lists.csv:11:9: INVALID",
                "price-lists.csv:12:5: INVALID",
                "price-lists.csv:12:7: UNKNOWN_ROLE",
                "price-lists.csv:12:8: NEGATIVE");
    }

    @Test
    void aRecordWithMoreFieldsThanTheHeaderIsAProblem() {
        assertThat(folder().replace("price-lists.csv", "Project Manager,175.123456", "Project Manager,1,175.12")
                .problems()).containsExactly("price-lists.csv:9:9: INVALID: the record has 9 fields but the header row "
                + "has 8; a value with a comma must be in double quotes");
    }

    @Test
    void aRoleItemMustBeARoleOfAResource() {
        assertThat(folder().replace("price-lists.csv", "role,Project Manager,175", "role,Architect,175").problems())
                .containsExactly("price-lists.csv:9:7: UNKNOWN_ROLE: \"Architect\" is not a role of any resource in "
                        + "resources.csv");
    }

    @Test
    void aPriceListsRowsShareContextCurrencyAndValidity() {
        InputFolderFixture folder = folder().append("price-lists.csv",
                "Sales EUR 2025,sales,USD,2025-01-01,2025-12-31,category,Hotel,1\n"
                        + "Sales EUR 2025,sales,EUR,2025-02-01,,category,Food,1\n"
                        + "sales eur 2025,cost,EUR,2025-01-01,2025-12-31,category,Taxi,1\n");

        assertThat(folder.problems()).containsExactly(
                "price-lists.csv:10:3: INVALID: price list \"Sales EUR 2025\" has currency EUR on line 6; all its rows "
                        + "must have the same currency",
                "price-lists.csv:11:4: INVALID: price list \"Sales EUR 2025\" has valid_from 2025-01-01 on line 6; all "
                        + "its rows must have the same valid_from",
                "price-lists.csv:11:5: INVALID: price list \"Sales EUR 2025\" has valid_to 2025-12-31 on line 6; all "
                        + "its rows must have the same valid_to",
                "price-lists.csv:12:2: INVALID: price list \"Sales EUR 2025\" has context sales on line 6; all its "
                        + "rows must have the same context");
    }

    @Test
    void aPriceListPricesAnItemOnce() {
        assertThat(folder().append("price-lists.csv", "Cost 2025,cost,EUR,2025-01-01,,role,consultant,61\n")
                .problems()).containsExactly("price-lists.csv:10:7: DUPLICATE: price list \"Cost 2025\" has a price "
                + "for role \"Consultant\" twice");
    }

    @Test
    void thereIsExactlyOneCostPriceList() {
        assertThat(folder().append("price-lists.csv", "Cost 2026,cost,EUR,2026-01-01,,role,Consultant,61\n")
                .problems()).containsExactly("price-lists.csv:1:1: INVALID: price-lists.csv has 2 cost price lists "
                + "(Cost 2025, Cost 2026); exactly one is required, the contracting unit's");
        assertThat(folder().replace("price-lists.csv", ",cost,", ",sales,").where())
                .containsExactly("price-lists.csv:1:1: INVALID");
    }

    @Test
    void expenseCategoriesComeFromCategoryItems() {
        assertThat(folder().replace("price-lists.csv", "category,Travel,1.1", "category,Hotel,1.1")
                .replace("price-lists.csv", "category,Travel,1\n", "category,Hotel,1\n").where())
                .containsExactly("expenses.csv:2:4: UNKNOWN_CATEGORY", "expenses.csv:3:4: UNKNOWN_CATEGORY",
                        "expenses.csv:4:4: UNKNOWN_CATEGORY");
    }
}
