package dev.tandem.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.finance.Finance;
import dev.tandem.server.TandemApplication;
import dev.tandem.server.database.OperationsDatabase;
import dev.tandem.server.operations.WebFixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16's journey 3 through the web UI in headless Chromium, on either database (subclasses supply it), on a
 * server whose maps run live as a fresh installation's do ({@code auto-run}, as {@code DualWriteApiContract} runs
 * them) and whose chart samples every second: the integration admin pauses the actuals map, watches its queue grow
 * while the project manager confirms an invoice (through the API), resumes with "drain", and sees the queue empty and
 * the chart drawn; then the discard option's confirmation step, the error log and the reconcile report. Screenshots
 * go to {@code target/ui-screenshots/integration-admin-<database>/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TandemApplication.class, properties = {
        "tandem.dualwrite.auto-run=true", "tandem.web.sync-samples.interval=PT1S"})
abstract class IntegrationAdminJourneyContract {

    static final String PASSWORD = "journey-password-16";
    static final String ACTUALS = "msdyn_actuals";

    /** Points of each dataset of the map page's chart, or null before Chart.js has drawn it. */
    private static final String CHART_POINTS = """
            if (typeof Chart === 'undefined') { return null; }
            const chart = Chart.getChart(document.getElementById('sync-chart'));
            if (!chart) { return null; }
            return chart.data.datasets.map(d => d.data.length);""";

    /** The queue-depth series the chart has drawn, or null before it has. */
    private static final String QUEUE_SERIES = """
            if (typeof Chart === 'undefined') { return null; }
            const chart = Chart.getChart(document.getElementById('sync-chart'));
            return chart ? chart.data.datasets[0].data : null;""";

    @LocalServerPort
    int port;

    @Autowired
    Finance finance;

    @Autowired
    @OperationsDatabase
    JdbcTemplate operations;

    @Test
    void integrationAdminPausesTheActualsMapWatchesTheQueueGrowResumesWithDrainAndSeesTheChart() {
        UUID draft = WebFixtures.syncedDraft(port, finance, operations);
        String admin = "ia-" + WebJourneysContract.key();
        WebFixtures.user(port, admin, PASSWORD, List.of("integration-admin"));
        try (Browser browser = new Browser(port, "integration-admin-" + dbName())) {
            browser.signIn(admin, PASSWORD);
            assertThat(browser.text("#sync-health")).contains("Sync health", "Running", "Queued changes");
            browser.screenshot("home");

            browser.open("/maps");
            String row = "#map-" + ACTUALS;
            assertThat(browser.text(row + " td.state")).isEqualTo("Running");
            assertThat(browser.text(row + " td.queue-depth")).isEqualTo("0");
            browser.screenshot("maps-running");

            browser.find("#pause-" + ACTUALS).click();
            assertThat(browser.text(".messages .done")).isEqualTo("Table map " + ACTUALS + " paused: its changes "
                    + "queue until it resumes.");
            assertThat(browser.text(row + " td.state")).isEqualTo("Paused");
            assertThat(browser.text(row + " td.queue-depth")).isEqualTo("0");
            assertThat(browser.text(row)).contains("by " + admin);
            browser.screenshot("maps-paused");

            browser.find(row + " td a").click();
            browser.until(d -> d.getCurrentUrl().endsWith("/maps/" + ACTUALS));
            assertThat(text(browser, "#map-state")).isEqualTo("Paused");
            assertThat(text(browser, "#map-queue-depth")).isEqualTo("0");

            // The project manager confirms meanwhile: the invoice goes to Finance, its actuals queue.
            assertThat(WebFixtures.confirm(port, draft)).isEqualTo("CONFIRMED");
            long queued = WebFixtures.map(port, ACTUALS).queueDepth();
            assertThat(queued).as("the confirmation's actuals queue while the map is paused").isPositive();

            browser.open("/maps/" + ACTUALS);
            assertThat(text(browser, "#map-state")).isEqualTo("Paused");
            assertThat(Long.parseLong(text(browser, "#map-queue-depth").replace(",", ""))).isEqualTo(queued);
            // The chart draws the grown queue once a sample has seen it (one a second here).
            browser.until(d -> {
                List<?> depths = (List<?>) browser.driver.executeScript(QUEUE_SERIES);
                return depths != null && depths.stream().anyMatch(v -> ((Number) v).longValue() == queued);
            });
            browser.screenshot("queue-grew");

            browser.find("#resume-drain").click();
            browser.until(d -> d.getCurrentUrl().endsWith("/maps/" + ACTUALS));
            String done = browser.text(".messages .done");
            assertThat(done).startsWith("Table map " + ACTUALS + " resumed: ").contains("drained", "it is Running.");
            assertThat(done).doesNotContain("resumed: 0 queued");
            assertThat(text(browser, "#map-state")).isEqualTo("Running");
            assertThat(text(browser, "#map-queue-depth")).isEqualTo("0");
            assertThat(text(browser, "#map-lag")).isEqualTo("0 s");
            assertThat(WebFixtures.map(port, ACTUALS)).isEqualTo(new WebFixtures.MapFigures("RUNNING", 0, 0));

            // The chart: drawn by Chart.js with points in every series, the queue back to 0 in the last sample.
            assertThat(browser.find("canvas#sync-chart").isDisplayed()).isTrue();
            browser.until(d -> {
                List<?> depths = (List<?>) browser.driver.executeScript(QUEUE_SERIES);
                return depths != null && depths.size() >= 2 && ((Number) depths.getLast()).longValue() == 0
                        && depths.stream().anyMatch(v -> ((Number) v).longValue() == queued);
            });
            List<?> points = (List<?>) browser.driver.executeScript(CHART_POINTS);
            assertThat(points).hasSize(3).allSatisfy(n -> assertThat(((Number) n).intValue()).isPositive());
            assertThat(browser.driver.findElement(By.id("chart-empty")).isDisplayed()).isFalse();
            assertThat(browser.text("#activity-rows")).contains("STATE", admin);
            browser.screenshot("resumed-drain-chart");

            // Discarding asks first, on a page of its own; going back discards nothing.
            browser.find("#pause").click();
            assertThat(text(browser, "#map-state")).isEqualTo("Paused");
            browser.find("#resume-discard").click();
            assertThat(browser.text(".confirm-step")).contains("can't be undone", "discards its 0 queued changes");
            browser.screenshot("discard-step");
            browser.find("#discard-back").click();
            assertThat(text(browser, "#map-state")).isEqualTo("Paused");
            // A refusal is the runtime's own: code and sentence.
            browser.find("#pause").click();
            assertThat(browser.text(".messages .refused")).startsWith("MAP_STATE:");
            browser.find("#resume-drain").click();
            assertThat(text(browser, "#map-state")).isEqualTo("Running");

            browser.open("/maps/" + ACTUALS + "/errors");
            assertThat(browser.text("h1")).contains("Error log of " + ACTUALS);
            assertThat(browser.driver.findElements(By.cssSelector("#retry-all, #purge"))).hasSize(2);
            browser.screenshot("error-log");

            browser.open("/reconcile");
            assertThat(browser.driver.findElements(By.cssSelector("#invariants tbody tr"))).hasSizeGreaterThan(5);
            assertThat(browser.text("#invariant-5")).isNotEmpty();
            browser.screenshot("reconcile");

            // Initial sync: refused while the map is live, then run on a stopped map with its progress followed.
            browser.open("/maps/" + ACTUALS + "/initial-sync");
            browser.find("#start-initial-sync").click();
            assertThat(browser.text(".messages .refused")).startsWith("MAP_STATE:");
            browser.open("/maps/legalentities");
            browser.find("#stop").click();
            assertThat(text(browser, "#map-state")).isEqualTo("Stopped");
            browser.find("#initial-sync-link").click();
            browser.find("#start-initial-sync").click();
            assertThat(browser.text(".messages .done")).startsWith("Initial sync of table map legalentities started");
            String ended = browser.until(d -> {
                String status = text(browser, "#initial-sync-runs tbody tr td.status");
                return status.equals("RUNNING") ? null : status;
            });
            assertThat(ended).startsWith("COMPLETED");
            assertThat(Long.parseLong(text(browser, "#initial-sync-runs tbody tr td.synced").replace(",", "")))
                    .isPositive();
            browser.screenshot("initial-sync");
            // What the page's htmx polling swaps in while a run is RUNNING: the runs alone.
            browser.open("/maps/legalentities/initial-sync/progress");
            assertThat(text(browser, "#initial-sync-runs tbody tr td.status")).isEqualTo(ended);
            browser.open("/maps/legalentities");
            browser.find("#run").click();
            assertThat(text(browser, "#map-state")).isEqualTo("Running");
        }
        assertThat(WebFixtures.invoiceStatus(port, draft)).isEqualTo("CONFIRMED");
    }

    @Test
    void aViewerSeesTheMapsWithoutAnyButtonAndTheRequestsTheyWouldSendAreRefused() {
        String viewer = "viewer-" + WebJourneysContract.key();
        WebFixtures.user(port, viewer, PASSWORD, List.of("viewer"));
        try (Browser browser = new Browser(port, "integration-viewer-" + dbName())) {
            browser.signIn(viewer, PASSWORD);
            assertThat(browser.text("#sync-health")).contains("Sync health");
            browser.open("/maps");
            assertThat(browser.text("#map-" + ACTUALS + " td.state")).isNotEmpty();
            assertThat(browser.driver.findElements(By.cssSelector(".map-actions, .map-actions button"))).isEmpty();
            browser.open("/maps/" + ACTUALS);
            assertThat(browser.driver.findElements(By.cssSelector("#run, #pause, #stop, #resume-drain, #resume-retry, "
                    + "#resume-discard, #retry-queue"))).isEmpty();
            browser.open("/maps/" + ACTUALS + "/errors");
            assertThat(browser.driver.findElements(By.cssSelector("#retry-all, #purge"))).isEmpty();
            browser.open("/maps/" + ACTUALS + "/initial-sync");
            assertThat(browser.driver.findElements(By.cssSelector("#start-initial-sync, #run-after-initial-sync")))
                    .isEmpty();
            browser.screenshot("initial-sync-read-only");

            Object status = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const headers = JSON.parse(document.body.getAttribute('hx-headers'));
                    fetch('/maps/customers/pause', {method: 'POST', headers: headers})
                        .then(r => done(r.status), e => done('failed ' + e));""");
            assertThat(status).isEqualTo(403L);
            browser.open("/maps/customers/resume/discard");
            assertThat(browser.text("h1")).contains("403");
            browser.screenshot("forbidden");
        }
        assertThat(WebFixtures.map(port, "customers").state()).isEqualTo("RUNNING");
    }

    /** An element's text, read again when htmx replaced the element while it was read. */
    private static String text(Browser browser, String css) {
        return browser.until(d -> {
            try {
                return d.findElement(By.cssSelector(css)).getText();
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }

    /** The database's name for screenshot folders. */
    abstract String dbName();
}
