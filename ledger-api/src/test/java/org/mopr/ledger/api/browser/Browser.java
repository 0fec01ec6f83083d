package org.mopr.ledger.api.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Debian Chromium for the page's tests, with what they share: viewports set through the DevTools
 * protocol (a window cannot be made as narrow as a small phone), screenshots, and axe-core from the test resources.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private static String axe;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the test without a browser, except in CI where a missing browser is a failure. */
    static Browser start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            String message = "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        Path profile = Files.createTempDirectory("mopr-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1600,1000", "--hide-scrollbars");
        // The browser's console, so a test can assert the page logged no error.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // An explicit driver binary: Selenium must not try to download one (there is no network in CI).
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    WebElement byTest(String name) {
        return driver.findElement(By.cssSelector("[data-test='" + name + "']"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The viewport of a phone, a tablet or a projector; the page's own resize handlers redraw the charts. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        waiting(10).until(d -> ((Number) js("return window.innerWidth;")).intValue() == width);
    }

    /**
     * Scrolls the whole page a screen at a time and returns the widest sideways overflow met (scrollWidth minus
     * innerWidth) with the first elements reaching past the screen, or "" when the page never scrolls sideways.
     */
    String widestOverflow() {
        Object widest = js("""
                const page = document.documentElement;
                let worst = page.scrollWidth - window.innerWidth;
                for (let y = 0; y <= page.scrollHeight; y += window.innerHeight) {
                  window.scrollTo(0, y);
                  worst = Math.max(worst, page.scrollWidth - window.innerWidth, document.body.scrollWidth - window.innerWidth);
                }
                window.scrollTo(0, 0);
                if (worst <= 0) {
                  return "";
                }
                const past = el => el.getBoundingClientRect().right > window.innerWidth + 1;
                const wide = [...document.querySelectorAll("body *")].filter(el => past(el) && ![...el.children].some(past))
                  .slice(0, 3).map(el => el.tagName + (el.id ? "#" + el.id : "") + "." + el.className);
                return worst + " px (" + wide.join(", ") + ")";""");
        return (String) widest;
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's violations of impact serious or critical on the page as it is, each as "rule: nodes". */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations() throws IOException {
        if (Boolean.FALSE.equals(js("return typeof axe !== 'undefined';"))) {
            js(axeSource());
        }
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ["violations"] }).then(r => done(r.violations
                  .filter(v => v.impact === "serious" || v.impact === "critical")
                  .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "))))
                  .catch(e => done(["axe failed: " + e]));""");
        return (List<String>) found;
    }

    private static synchronized String axeSource() throws IOException {
        if (axe == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IOException("axe/axe.min.js is missing from the test resources");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }

    /** Steps the year slider by keyboard to {@code year} and waits until the Sankey and the aid card show it. */
    void stepTo(String year) {
        WebElement body = driver.findElement(By.tagName("body"));
        for (int i = 0; i < 12 && !byTest("current-year").getText().equals(year); i++) {
            body.sendKeys(Keys.ARROW_RIGHT);
        }
        if (!byTest("current-year").getText().equals(year)) {
            fail("the slider did not reach " + year + ": it shows " + byTest("current-year").getText());
        }
        waiting(30).until(d -> ((Number) js("return Charts.bands().length;")).intValue() > 0
                && byTest("figure-aid").getDomAttribute("data-to").startsWith(year));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
