package dev.tandem.server.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the web UI's journeys: Debian's {@code chromium} driven through {@code /usr/bin/chromedriver}
 * by Selenium, nothing downloaded at run time ({@code .ci/run} installs both packages). Screenshots of each step go to
 * {@code target/ui-screenshots/<journey>/} for a person to look at.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private int shot;

    Browser(int port, String journey) {
        if (!new File(CHROMEDRIVER).canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new IllegalStateException("The web UI's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does).");
        }
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000");
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.base = "http://127.0.0.1:" + port;
        this.screenshots = Path.of("target", "ui-screenshots", journey);
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    <T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    void signIn(String user, String password) {
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#sign-in").click();
        until(ExpectedConditions.urlMatches(".*/$|.*/\\?continue$"));
    }

    /** Saves a screenshot named {@code NN-name.png} under {@code target/ui-screenshots/<journey>/}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File file = driver.getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fetches a URL in the signed-in browser (its session cookie goes along): status, final URL after redirects,
     * content type, disposition and the body in base64.
     */
    java.util.Map<?, ?> fetch(String url) {
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
                    done({status: r.status, url: r.url, type: r.headers.get('Content-Type'),
                          disposition: r.headers.get('Content-Disposition'), body: btoa(binary)});
                }, e => done({status: 'failed ' + e}));""", url);
        return (java.util.Map<?, ?>) answer;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
