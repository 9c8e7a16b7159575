package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TandemApplication;
import dev.tandem.server.operations.WebFixtures;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16's journeys through the web UI in headless Chromium, on either database (subclasses supply it): the
 * project manager's (backlog → Ready → invoice → 8 h to 6 h → confirm, §6) and the viewer's (the same pages, no
 * button that changes data, and a forbidden request still 403). Screenshots go to {@code target/ui-screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class)
abstract class WebJourneysContract {

    static final String PASSWORD = "journey-password-16";

    @LocalServerPort
    int port;

    /** A key unique in the JVM for user names (both databases' servers may share nothing else). */
    static String key() {
        return Long.toString(System.nanoTime() % 10_000_000, 36);
    }

    @Test
    void projectManagerMarksReadyCreatesEditsAndConfirmsAnInvoice() {
        WebFixtures.Contract world = WebFixtures.confirmedContractWithApprovedTime(port, List.of(8));
        String pm = "pm-" + key();
        WebFixtures.user(port, pm, PASSWORD, List.of("project-manager"));
        try (Browser browser = new Browser(port, "project-manager-" + dbName())) {
            browser.signIn(pm, PASSWORD);
            browser.screenshot("home");
            assertThat(browser.text("h1")).contains(pm);
            BigDecimal[] confirmedBefore = confirmedThisMonth(browser, "USD");

            browser.open("/backlog");
            new Select(browser.find("#filter-contract")).selectByVisibleText(world.contractNumber() + " ERP rollout T&M");
            new Select(browser.find("#filter-class")).selectByVisibleText("Time");
            browser.find("#apply-filter").click();
            browser.until(ExpectedConditions.urlContains("contractId=" + world.contractId()));
            assertThat(browser.url()).contains("classification=TIME");
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#backlog-rows tbody tr[id^=actual-]"));
            assertThat(rows).as("the contract's one unbilled sales actual").hasSize(1);
            assertThat(rows.getFirst().getText()).contains("8", "200.00 USD", "1,600.00 USD", world.resourceName(),
                    "Unbilled Sales Created");
            assertThat(browser.text("#backlog-totals")).contains("USD", "1,600.00 USD");
            browser.screenshot("backlog-filtered");

            rows.getFirst().findElement(By.cssSelector("input[name=id]")).click();
            browser.find("#mark-ready").click();
            assertThat(browser.text(".messages .done")).isEqualTo("1 actual marked Ready to invoice.");
            assertThat(browser.text("#backlog-rows tbody tr[id^=actual-] td.status")).isEqualTo("Ready to Invoice");
            browser.screenshot("backlog-ready");

            browser.open("/invoices");
            new Select(browser.find("#create-contract")).selectByValue(world.contractId().toString());
            browser.driver.executeScript("arguments[0].value = '2026-03-31'", browser.find("#create-date"));
            browser.find("#create").click();
            browser.until(ExpectedConditions.urlMatches(".*/invoices/[0-9a-f-]{36}$"));
            assertThat(browser.text("#invoice-status")).isEqualTo("Draft");
            assertThat(browser.text("#invoice-total")).isEqualTo("1,600.00 USD");
            browser.screenshot("draft-editor");

            WebElement quantity = browser.find("#invoice-details form.detail-edit input.qty");
            assertThat(quantity.getAttribute("value")).isEqualTo("8");
            quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6", Keys.ENTER);
            browser.until(ExpectedConditions.textToBe(By.id("invoice-total"), "1,200.00 USD"));
            assertThat(browser.text("#invoice-details td.amount")).isEqualTo("1,200.00 USD");
            assertThat(browser.text(".messages .done")).isEqualTo("Line detail changed: 6 × 200.00 = 1,200.00 USD.");
            browser.screenshot("draft-edited-6h");

            browser.find("#confirm").click();
            assertThat(browser.text(".confirm-step")).contains("1,200.00 USD", "can't be undone");
            browser.screenshot("confirm-step");
            browser.find("#confirm-final").click();
            browser.until(ExpectedConditions.textToBe(By.id("invoice-status"), "Confirmed"));
            assertThat(browser.text(".messages .done")).startsWith("Invoice confirmed;");
            String actuals = browser.text("#invoice-details td.actuals");
            assertThat(actuals).contains("Billed Sales", "1,200.00 USD");
            assertThat(browser.driver.findElements(By.cssSelector("form.detail-edit"))).as("confirmed: read-only")
                    .isEmpty();
            browser.screenshot("confirmed");

            // The proforma invoice's PDF: the number, the 6 h detail and the total the editor shows.
            Map<?, ?> pdf = browser.fetch(browser.find("#invoice-pdf").getAttribute("href"));
            assertThat(pdf.get("status")).isEqualTo(200L);
            assertThat(pdf.get("type")).isEqualTo("application/pdf");
            String number = browser.text("#invoice-number");
            assertThat((String) pdf.get("disposition")).startsWith("inline").contains(number + ".pdf");
            String text = pdfText(Base64.getDecoder().decode((String) pdf.get("body")));
            assertThat(text).contains("Proforma invoice", number, "Status: Confirmed", world.contractNumber(),
                    "not a tax invoice");
            assertThat(text).containsPattern("\\b6 h 200\\.00 1200\\.00").contains("Subtotal Development 1200.00");
            assertThat(text).contains("Invoice total: USD 1200.00");
            assertThat((String) browser.fetch(browser.find("#invoice-pdf-download").getAttribute("href"))
                    .get("disposition")).startsWith("attachment");

            // The home page counts it among the invoices confirmed this month.
            browser.open("/");
            BigDecimal[] confirmedAfter = confirmedThisMonth(browser, "USD");
            assertThat(confirmedAfter[0].subtract(confirmedBefore[0])).isEqualByComparingTo("1");
            assertThat(confirmedAfter[1].subtract(confirmedBefore[1])).isEqualByComparingTo("1200.00");
            browser.screenshot("home-confirmed");
        }
    }

    /** The home page's invoices confirmed this month in {@code currency}: {count, total}, zeros when none. */
    private static BigDecimal[] confirmedThisMonth(Browser browser, String currency) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + currency + " ([0-9,]+) (-?[0-9,.]+) "
                + currency + "$").matcher(browser.text("#confirmed-this-month"));
        return m.find() ? new BigDecimal[] {new BigDecimal(m.group(1).replace(",", "")),
                new BigDecimal(m.group(2).replace(",", ""))} : new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** The text of a PDF's pages. */
    private static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a PDF: " + e.getMessage(), e);
        }
    }

    @Test
    void viewerSeesThePagesWithoutAnyButtonThatChangesData() throws Exception {
        WebFixtures.Contract world = WebFixtures.confirmedContractWithApprovedTime(port, List.of(8, 4));
        UUID draft = WebFixtures.readyAndDraft(port, world);
        String viewer = "viewer-" + key();
        WebFixtures.user(port, viewer, PASSWORD, List.of("viewer"));
        try (Browser browser = new Browser(port, "viewer-" + dbName())) {
            browser.signIn(viewer, PASSWORD);
            browser.open("/backlog?contractId=" + world.contractId());
            assertThat(browser.driver.findElements(By.cssSelector("#backlog-rows tbody tr[id^=actual-]"))).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("#mark-ready, #mark-not-ready, input[name=id]")))
                    .isEmpty();
            browser.screenshot("backlog");

            browser.open("/invoices");
            assertThat(browser.driver.findElements(By.cssSelector("#create-invoice"))).isEmpty();
            browser.open("/invoices/" + draft);
            assertThat(browser.text("#invoice-status")).isEqualTo("Draft");
            assertThat(browser.driver.findElements(By.cssSelector("#confirm, #refresh, #delete-invoice, "
                    + "form.detail-edit button, #revise"))).isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("form.detail-edit input.qty"))).allSatisfy(input ->
                    assertThat(input.getAttribute("readonly")).isNotNull());
            browser.screenshot("draft-read-only");

            // The buttons are hidden, and the request they would send is still refused.
            Object status = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const headers = JSON.parse(document.body.getAttribute('hx-headers'));
                    fetch('/invoices/' + arguments[0] + '/confirm', {method: 'POST', headers: headers})
                        .then(r => done(r.status), e => done('failed ' + e));""", draft.toString());
            assertThat(status).isEqualTo(403L);
            browser.open("/invoices/" + draft + "/confirm");
            assertThat(browser.text("h1")).isEqualTo("403 Not allowed");
            assertThat(browser.driver.getTitle()).isEqualTo("Not allowed · Tandem");
            browser.screenshot("forbidden");
        }
        assertThat(WebFixtures.invoiceStatus(port, draft)).isEqualTo("DRAFT");
    }

    @Test
    void projectManagerApprovesEntriesReadsTheContractAndSearchesByNumber() {
        WebFixtures.Submitted submitted = WebFixtures.confirmedContractWithSubmittedTime(port, List.of(8, 3));
        WebFixtures.Contract world = submitted.contract();
        String pm = "pm-" + key();
        WebFixtures.user(port, pm, PASSWORD, List.of("project-manager"));
        try (Browser browser = new Browser(port, "approvals-" + dbName())) {
            browser.signIn(pm, PASSWORD);
            browser.open("/approvals?projectId=" + world.projectId());
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#approval-rows tbody tr[id^=entry-]"));
            assertThat(rows).hasSize(2);
            browser.screenshot("submitted");
            // Reject without a reason is refused and changes nothing; then approve the 8 h entry, reject the 3 h one.
            browser.find("#entry-" + submitted.entryIds().get(1) + " input[name=id]").click();
            browser.find("#reject").click();
            assertThat(browser.text(".messages .refused")).contains("reason");
            assertThat(WebFixtures.entryStatus(port, submitted.entryIds().get(1))).isEqualTo("SUBMITTED");
            browser.find("#entry-" + submitted.entryIds().get(0) + " input[name=id]").click();
            browser.find("#approve").click();
            assertThat(browser.text(".messages .done")).isEqualTo("1 entry approved.");
            browser.find("#entry-" + submitted.entryIds().get(1) + " input[name=id]").click();
            browser.find("#reject-reason").sendKeys("Not on this contract");
            browser.find("#reject").click();
            assertThat(browser.text(".messages .done")).isEqualTo("1 entry rejected.");
            assertThat(browser.driver.findElements(By.cssSelector("#approval-rows tbody tr[id^=entry-]"))).isEmpty();
            assertThat(WebFixtures.entryStatus(port, submitted.entryIds().get(0))).isEqualTo("APPROVED");
            assertThat(WebFixtures.entryStatus(port, submitted.entryIds().get(1))).isEqualTo("REJECTED");

            browser.find("#q").sendKeys(world.contractNumber(), Keys.ENTER);
            browser.until(ExpectedConditions.urlContains("/contracts/" + world.contractId()));
            assertThat(browser.text("h1")).contains(world.contractNumber());
            assertThat(browser.text("section")).contains("Time and Material", "100 %");
            browser.screenshot("contract");
            browser.find("#q").sendKeys("NO-SUCH-NUMBER", Keys.ENTER);
            assertThat(browser.text("#no-match")).contains("NO-SUCH-NUMBER");
        }
    }

    @Test
    void projectManagerCreatesInvoicesOfTwoContractsAndConfirmsThemInTheBackground() {
        WebFixtures.Contract first = WebFixtures.confirmedContractWithApprovedTime(port, List.of(8));
        WebFixtures.Contract second = WebFixtures.confirmedContractWithApprovedTime(port, List.of(2));
        WebFixtures.allReady(port, first);
        WebFixtures.allReady(port, second);
        String pm = "pm-" + key();
        WebFixtures.user(port, pm, PASSWORD, List.of("project-manager"));
        try (Browser browser = new Browser(port, "bulk-" + dbName())) {
            browser.signIn(pm, PASSWORD);
            browser.open("/invoices");
            browser.find("#create-bulk-details > summary").click();
            browser.find("#create-bulk input[value='" + first.contractId() + "']").click();
            browser.find("#create-bulk input[value='" + second.contractId() + "']").click();
            browser.driver.executeScript("arguments[0].value = '2026-03-31'", browser.find("#bulk-date"));
            browser.find("#create-bulk-button").click();
            assertThat(browser.text(".messages .done")).startsWith("Created 2 draft invoices");
            assertThat(browser.url()).endsWith("status=DRAFT");
            List<WebElement> drafts = browser.driver.findElements(By.xpath("//tr[td[contains(., '"
                    + first.contractNumber() + "') or contains(., '" + second.contractNumber() + "')]]"));
            assertThat(drafts).hasSize(2);
            drafts.forEach(row -> row.findElement(By.cssSelector("input[name=id]")).click());
            browser.screenshot("drafts-chosen");
            browser.find("#confirm-selected").click();
            browser.until(ExpectedConditions.urlContains("/invoices/bulk-confirm/"));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "2 of 2 confirmed"));
            assertThat(browser.text("#job-state")).contains("Complete", "0 failed");
            assertThat(browser.text("#job-invoices")).contains("Confirmed", "1,600.00 USD", "400.00 USD");
            browser.screenshot("bulk-confirmed");
        }
    }

    @Test
    void administratorCreatesAUserChangesRolesAndReadsTheSecurityLog() {
        String admin = "root-" + key();
        String anna = "anna-" + key();
        WebFixtures.user(port, admin, PASSWORD, List.of("administrator"));
        try (Browser browser = new Browser(port, "administrator-" + dbName())) {
            browser.signIn(admin, PASSWORD);
            assertThat(browser.driver.findElements(By.linkText("Backlog"))).as("no Project Operations pages").isEmpty();
            browser.open("/admin/users");
            browser.find("#new-username").sendKeys(anna);
            browser.find("#new-password").sendKeys(PASSWORD);
            browser.find("#create-user input[value=viewer]").click();
            browser.find("#create-user-button").click();
            assertThat(browser.text(".messages .done")).isEqualTo("User " + anna + " created with the roles [viewer].");
            browser.find("#user-" + anna + " input[value=project-manager]").click();
            browser.find("#user-" + anna + " form.roles button").click();
            assertThat(browser.text(".messages .done")).contains("project-manager", "viewer");
            browser.screenshot("users");
            browser.find("#user-" + anna + " form[action$=reset-password] button").click();
            String password = browser.text("#secret");
            assertThat(password).hasSizeGreaterThanOrEqualTo(12);
            browser.open("/admin/security-log?type=USER_CHANGED");
            assertThat(browser.text("#event-rows")).contains(anna, admin);
            browser.screenshot("security-log");
            // The project manager's page is closed to an administrator without the role.
            browser.open("/backlog");
            assertThat(browser.text("h1")).isEqualTo("403 Not allowed");
            // A path nothing answers is the HTML 404 page for a browser (the API answers problem+json).
            browser.open("/no-such-page");
            assertThat(browser.text("h1")).isEqualTo("404 Not Found");
        }
        try (Browser browser = new Browser(port, "administrator-" + dbName() + "-anna")) {
            browser.open("/login");
            browser.find("#username").sendKeys(anna);
            browser.find("#password").sendKeys("wrong-password-123");
            browser.find("#sign-in").click();
            assertThat(browser.text("p.refused")).isEqualTo("The user name or password is wrong.");
        }
    }

    /** The database's name for screenshot folders. */
    abstract String dbName();
}
