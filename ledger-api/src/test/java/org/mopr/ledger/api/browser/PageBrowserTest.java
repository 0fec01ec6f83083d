package org.mopr.ledger.api.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.web.WebApp;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teacher's page in a real headless Chromium (Debian's chromium and chromium-driver): it opens with real figures,
 * play moves the timeline, a click on a number shows the passage and the seed it rests on, and it fits a phone.
 * Screenshots go to target/screenshots. In CI a missing browser fails the test; elsewhere it is skipped.
 */
class PageBrowserTest {

    private static final Path SCREENSHOTS = Browser.SCREENSHOTS;

    static WebApp app;
    static WebDriver driver;
    private static Browser browser;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.start();
        app = WebApp.get();
        driver = browser.driver;
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private static WebElement byTest(String name) {
        return driver.findElement(By.cssSelector("[data-test='" + name + "']"));
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void load() {
        driver.get(app.baseUrl + "/");
        waiting(60).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Waits for the citation panel to show at least one passage, and checks each against the catalog. */
    private static List<WebElement> citations() {
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='citation-quote']")));
        Catalog catalog = app.context.getBean(Catalog.class);
        List<WebElement> claims = driver.findElements(By.cssSelector("[data-test='citation-claim']"));
        assertThat(claims).isNotEmpty();
        for (WebElement claim : claims) {
            Claim c = catalog.get(claim.getDomAttribute("data-claim"));
            // The browser collapses runs of whitespace, as the catalog's quotes may keep them from the seed.
            assertThat(squash(claim.findElement(By.cssSelector("[data-test='citation-quote']")).getText()))
                    .isEqualTo(squash(c.quote()));
            assertThat(claim.findElement(By.cssSelector("[data-test='citation-source']")).getText())
                    .isEqualTo(c.source()).matches("\\d{3}_[0-9a-f]{16}\\.txt");
        }
        return claims;
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void playMovesTheYearAndANumberShowsItsPassage() throws IOException {
        load();
        assertThat(byTest("run-id").getText()).isEqualTo(app.run());
        assertThat(byTest("badge-MATCH").getText()).matches("\\d+\\s*match\\s*\\d+ independent");
        String first = byTest("current-year").getText();
        assertThat(first).isEqualTo("1922");

        byTest("play").click();
        assertThat(byTest("play").getDomAttribute("aria-pressed")).isEqualTo("true");
        waiting(15).until(d -> !byTest("current-year").getText().equals(first));
        byTest("play").click();
        assertThat(byTest("play").getDomAttribute("aria-pressed")).isEqualTo("false");
        int year = Integer.parseInt(byTest("current-year").getText());
        assertThat(year).isGreaterThan(1922);
        // Pause stops the slider, not the step's money already on its way: the card is the year's once it is drawn.
        waiting(30).until(d -> String.valueOf(byTest("figure-aid").getDomAttribute("data-to")).startsWith(year + "-"));

        byTest("figure-aid").click();
        List<WebElement> claims = citations();
        assertThat(claims).anySatisfy(c -> assertThat(c.getDomAttribute("data-claim")).startsWith("c001.ussr-aid"));
        screenshot("page-citation.png");
        byTest("citation-close").click();
        waiting(5).until(ExpectedConditions.invisibilityOf(byTest("citation")));

        byTest("figure-sections").click();
        assertThat(citations()).anySatisfy(c -> assertThat(c.getDomAttribute("data-claim")).startsWith("c003.affiliate-"));
        assertThat(byTest("citation-title").getText()).contains("National sections");
    }

    @Test
    void badgesAndHappeningsOpenTheirPassages() throws IOException {
        load();
        byTest("badge-CONFLICT").click();
        waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='citation-quote']")));
        assertThat(driver.findElements(By.cssSelector("[data-test='citation-source']")))
                .allSatisfy(s -> assertThat(s.getText()).matches("\\d{3}_[0-9a-f]{16}\\.txt"));
        byTest("citation-close").click();
        driver.findElement(By.cssSelector("[data-test='happening']")).click();
        citations();
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }

    @Test
    void arrowKeysStepTo1928WhereTheCensusIsClickable() throws IOException {
        driver.manage().window().setSize(new Dimension(1600, 2600));
        try {
            load();
            WebElement body = driver.findElement(By.tagName("body"));
            for (int i = 0; i < 5; i++) {
                body.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
            }
            waiting(10).until(d -> byTest("current-year").getText().equals("1927"));
            assertThat(byTest("figure-members").getDomProperty("disabled")).isEqualTo("true");
            body.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
            waiting(10).until(d -> byTest("current-year").getText().equals("1928"));
            WebElement members = byTest("figure-members");
            waiting(10).until(d -> members.findElement(By.className("num")).getText().matches("[\\d,]+"));
            assertThat(members.findElement(By.className("note")).getText()).contains("estimated");
            waiting(30).until(d -> !driver.findElements(By.cssSelector("#patronage-chart canvas")).isEmpty());
            screenshot("page-1928.png");
            members.click();
            assertThat(citations()).anySatisfy(c -> assertThat(c.getDomAttribute("data-claim")).contains("members"));
        } finally {
            driver.manage().window().setSize(new Dimension(1600, 1000));
        }
    }

    @Test
    void monthByMonthShowsMonths() {
        load();
        new org.openqa.selenium.support.ui.Select(byTest("step")).selectByValue("month");
        waiting(10).until(d -> byTest("current-year").getText().matches("[A-Z][a-z]+ \\d{4}"));
        String before = byTest("current-year").getText();
        byTest("play").click();
        waiting(10).until(d -> !byTest("current-year").getText().equals(before));
        byTest("play").click();
        assertThat(byTest("current-year").getText()).matches("[A-Z][a-z]+ 19\\d{2}");
    }

    @Test
    void itFitsAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            load();
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            assertThat(byTest("play").isDisplayed()).isTrue();
            screenshot("page-phone.png");
        } finally {
            driver.manage().window().setSize(new Dimension(1600, 1000));
        }
    }
}
