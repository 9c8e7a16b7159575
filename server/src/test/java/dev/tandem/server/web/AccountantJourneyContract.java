package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.common.Money;
import dev.tandem.finance.Finance;
import dev.tandem.monthend.output.InvoicePdfText;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.operations.WebFixtures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's journey 2 in headless Chromium, on either database (subclasses supply it): the accountant signs in,
 * imports from staging, posts the journal and the proposal, opens the customer invoice's PDF, and sees the
 * customer's balance grow by the invoice total. The world is set up through the API as an administrator, with the
 * maps running, so a confirmed proforma invoice's actuals and proposal are in Finance; every accountant step is done
 * in the browser and the end state is checked through the API. Screenshots go to {@code target/ui-screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class,
        properties = "tandem.dualwrite.auto-run=true")
abstract class AccountantJourneyContract {

    static final String PASSWORD = "journey-password-16";

    @LocalServerPort
    int port;

    @Autowired
    Finance finance;

    @Autowired
    @OperationsDatabase
    JdbcTemplate operations;

    @Test
    void accountantImportsPostsOpensThePdfAndSeesTheBalanceGrow() throws IOException {
        WebFixtures.ConfirmedInvoice world = WebFixtures.confirmedInvoiceInFinance(port, finance, operations);
        String le = WebFixtures.postingLegalEntity();
        assertThat(world.totalAmount()).isEqualTo("1600.00");
        String accountant = "acct-" + WebJourneysContract.key();
        WebFixtures.user(port, accountant, PASSWORD, List.of("accountant"));

        try (Browser browser = new Browser(port, "accountant-" + dbName())) {
            browser.signIn(accountant, PASSWORD);
            assertThat(browser.text("#accountant-card")).contains("Finance · " + le, "open proposal");
            browser.screenshot("home");

            // The customer's balance before: no transactions yet.
            browser.open("/finance/customers/" + world.customerAccount() + "?company=" + le);
            String before = browser.text("#balance-USD td.balance");
            assertThat(before).isEqualTo("0.00 USD");
            browser.screenshot("balance-before");

            // Staging: the cost and unbilled sales wait; Import from staging runs with its progress, then says what it did.
            browser.open("/finance/staging?company=" + le);
            assertThat(browser.text("#pending")).doesNotStartWith("0 ");
            assertThat(browser.text("#staging-rows")).contains("Unbilled sales", "1,600.00 USD", "Cost", "800.00 USD",
                    "Billed sales");
            browser.screenshot("staging");
            browser.find("#import").click();
            assertThat(browser.text(".messages .done")).isEqualTo("Import from staging started in " + le + ".");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
            String result = browser.text("#import-result");
            assertThat(result).startsWith("Import finished").contains("journal lines", "0 errors")
                    .doesNotContain(" 0 journal lines");
            browser.screenshot("imported");

            // The journal: draft, its two lines with their amounts; post it.
            browser.find("#import-result a.journal-link").click();
            browser.until(ExpectedConditions.urlContains("/finance/journals/"));
            assertThat(browser.text("#journal-status")).isEqualTo("DRAFT");
            assertThat(browser.text("#journal-lines")).contains("Unbilled sales", "1,600.00 USD", "Cost",
                    "800.00 USD");
            browser.screenshot("journal-draft");
            browser.find("#post-journal").click();
            browser.until(ExpectedConditions.textToBe(By.id("journal-status"), "POSTED"));
            assertThat(browser.text(".messages .done")).contains("lines posted").doesNotContain("failed");
            assertThat(browser.driver.findElements(By.cssSelector("#journal-lines a[href*='/finance/vouchers/']")))
                    .isNotEmpty();
            browser.screenshot("journal-posted");

            // The proposal: its lines come in once the unbilled sales are posted; then post it.
            browser.open("/finance/proposals?company=" + le + "&status=OPEN");
            browser.find("#proposal-" + world.proposalId() + " a").click();
            assertThat(browser.text("#proposal-status")).isEqualTo("OPEN");
            browser.find("#import-lines").click();
            assertThat(browser.text(".messages .done")).isEqualTo("Imported 1 line.");
            assertThat(browser.text("#proposal-lines")).contains("HOUR", "1,600.00 USD");
            assertThat(browser.text("#proposal-total")).isEqualTo("1,600.00 USD");
            browser.screenshot("proposal-lines");
            browser.find("#post-proposal").click();
            browser.until(ExpectedConditions.textToBe(By.id("proposal-status"), "INVOICED"));
            String posted = browser.text(".messages .done");
            assertThat(posted).startsWith("Posted as customer invoice CI-").contains("1,600.00 USD");
            String invoiceNumber = browser.text("#customer-invoice");
            assertThat(posted).contains(invoiceNumber);
            assertThat(browser.driver.findElements(By.cssSelector("#post-proposal, #import-lines"))).isEmpty();
            browser.screenshot("proposal-posted");

            // The customer invoice's PDF, served inline at a page URL, with the invoice total on it.
            browser.open("/finance/customer-invoices?company=" + le);
            assertThat(browser.text("#invoice-" + invoiceNumber)).contains(world.customerAccount(),
                    world.proposalId(), "1,600.00 USD");
            browser.screenshot("customer-invoices");
            String pdfUrl = browser.find("#invoice-" + invoiceNumber + " a.pdf").getAttribute("href");
            Map<?, ?> pdf = browser.fetch(pdfUrl);
            assertThat(pdf.get("status")).isEqualTo(200L);
            assertThat(pdf.get("type")).isEqualTo("application/pdf");
            assertThat((String) pdf.get("disposition")).startsWith("inline").contains(invoiceNumber + ".pdf");
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("body"));
            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Path file = Files.createTempFile("journey-2-", ".pdf");
            try {
                Files.write(file, bytes);
                assertThat(InvoicePdfText.text(file)).contains(invoiceNumber);
                Money total = InvoicePdfText.total(file);
                assertThat(total.amount()).isEqualByComparingTo("1600.00");
                assertThat(total.currency()).isEqualTo("USD");
            } finally {
                Files.deleteIfExists(file);
            }
            Map<?, ?> download = browser.fetch(browser.find("#invoice-" + invoiceNumber + " a.download")
                    .getAttribute("href"));
            assertThat((String) download.get("disposition")).startsWith("attachment");
            browser.open(pdfUrl.substring(pdfUrl.indexOf("/finance/")));
            browser.screenshot("invoice-pdf");

            // The customer's balance grew by the invoice total.
            browser.open("/finance/customers/" + world.customerAccount() + "?company=" + le);
            String after = browser.text("#balance-USD td.balance");
            assertThat(amount(after).subtract(amount(before))).isEqualByComparingTo("1600.00");
            assertThat(after).isEqualTo("1,600.00 USD");
            assertThat(browser.text("#customer-transactions")).contains(invoiceNumber, "1,600.00 USD");
            browser.screenshot("balance-after");

            // Drill-down: the trial balance of March 2026, the customer balance account, the invoice's voucher.
            browser.open("/finance/trial-balance?company=" + le + "&from=2026-03-01&to=2026-03-31");
            assertThat(browser.text("#trial-balance-total")).isEqualTo("0.00 USD");
            browser.find("#account-110000 a").click();
            browser.until(ExpectedConditions.urlContains("/finance/ledger/110000"));
            assertThat(browser.text("#ledger-lines")).contains(world.customerAccount(), "1,600.00 USD");
            browser.screenshot("ledger-110000");
            browser.find("#ledger-lines a[href*='/finance/vouchers/']").click();
            browser.until(ExpectedConditions.urlContains("/finance/vouchers/"));
            assertThat(browser.text("#voucher-lines")).contains("110000", world.customerAccount(), "1,600.00 USD");
            browser.screenshot("voucher");

            // Global search finds the voucher, the customer invoice and the proposal by their numbers.
            String voucherUrl = browser.url();
            String voucher = voucherUrl.substring(voucherUrl.indexOf("/finance/vouchers/") + "/finance/vouchers/"
                    .length(), voucherUrl.indexOf('?'));
            browser.open("/");
            browser.find("#q").sendKeys(voucher, Keys.ENTER);
            browser.until(ExpectedConditions.urlContains("/finance/vouchers/" + voucher));
            assertThat(browser.text("#voucher-lines")).contains("110000", "1,600.00 USD");
            Map<?, ?> found = browser.fetch("/search?q=" + invoiceNumber);
            assertThat((String) found.get("url")).endsWith("/finance/customer-invoices/" + invoiceNumber + "/pdf?company="
                    + le);
            assertThat(found.get("type")).isEqualTo("application/pdf");
            browser.open("/search?q=" + world.proposalId());
            assertThat(browser.text("#matches")).contains("Invoice proposal (" + le + ")");
            browser.screenshot("search-proposal");

            // Fiscal periods: close a period and open it again.
            browser.open("/finance/periods?company=" + le);
            assertThat(browser.text("#period-2027-01-01 td.status")).isEqualTo("OPEN");
            browser.find("#period-2027-01-01 button[value=CLOSED]").click();
            assertThat(browser.text(".messages .done")).isEqualTo("The period starting 2027-01-01 is closed.");
            assertThat(browser.text("#period-2027-01-01 td.status")).isEqualTo("CLOSED");
            browser.screenshot("period-closed");
            browser.find("#period-2027-01-01 button[value=OPEN]").click();
            assertThat(browser.text("#period-2027-01-01 td.status")).isEqualTo("OPEN");
        }

        // The end state through the API.
        String base = "/legal-entities/" + le;
        JsonNode proposal = WebFixtures.financeGet(port, base + "/invoice-proposals/" + world.proposalId());
        assertThat(proposal.get("status").get("name").asString()).isEqualTo("INVOICED");
        String invoiceNumber = proposal.get("customerInvoiceId").asString();
        JsonNode invoices = WebFixtures.financeGet(port, base + "/customer-invoices?proposalId=" + world.proposalId());
        assertThat(invoices.get("items")).singleElement().satisfies(i -> {
            assertThat(i.get("customerInvoiceId").asString()).isEqualTo(invoiceNumber);
            assertThat(i.get("invoiceAmount").asString()).isEqualTo("1600.00");
            assertThat(i.get("invoiceAccount").asString()).isEqualTo(world.customerAccount());
        });
        assertThat(WebFixtures.financeGet(port, base + "/integration-journals?status=DRAFT")).isEmpty();
        assertThat(WebFixtures.financeGet(port, base + "/trial-balance").get("total").asString()).isEqualTo("0.00");
        assertThat(WebFixtures.invoiceStatusOnce(port, world.invoiceId(), "POSTED"::equals)).isEqualTo("POSTED");
    }

    /** {@code 1,600.00 USD} as 1600.00. */
    private static BigDecimal amount(String money) {
        return new BigDecimal(money.substring(0, money.indexOf(' ')).replace(",", ""));
    }

    /** The database's name for screenshot folders. */
    abstract String dbName();
}
