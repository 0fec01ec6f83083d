package org.mopr.ledger.api.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.api.web.WebApp;
import org.mopr.ledger.simulation.run.RunSummary;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state of the page (opened, playing, a passage open, a conflict's other reading, a lesson step) at a small
 * phone, a phone, a tablet, a laptop and a projector: no sideways scrolling anywhere down the page, no serious or
 * critical axe-core violation, and screenshots at phone and projector size in target/screenshots.
 */
class PageScreensBrowserTest {

    private static final int[] WIDTHS = {360, 390, 768, 1280, 1920};
    private static final int PHONE = 390;
    private static final int PROJECTOR = 1920;

    static WebApp app;
    static Browser browser;
    static RunSummary affiliates62;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.start();
        app = WebApp.get();
        // The reading of the 1932 census with 62 affiliates, as the shipped what-if runs it.
        affiliates62 = app.context.getBean(RunService.class).run("affiliates-62", null,
                new PrintStream(OutputStream.nullOutputStream()));
        app.awaitProjected(affiliates62);
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private void load(String path) {
        browser.viewport(1280, 900);
        browser.driver.get(app.baseUrl + path);
        browser.waiting(60).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** The state at every width: no sideways scrolling; axe and screenshots at the phone and projector sizes. */
    private void audit(String state, List<String> problems) throws IOException {
        for (int width : WIDTHS) {
            browser.viewport(width, width < 800 ? 780 : 1000);
            String overflow = browser.widestOverflow();
            if (!overflow.isEmpty()) {
                problems.add(state + " at " + width + " px scrolls sideways by " + overflow);
            }
            if (width == PHONE || width == PROJECTOR) {
                browser.screenshot(state + "-" + (width == PHONE ? "phone" : "projector") + ".png");
                browser.seriousViolations().forEach(v -> problems.add(state + " at " + width + " px: axe " + v));
            }
        }
        browser.viewport(1280, 900);
    }

    @Test
    void everyStateFitsEveryScreenWithoutSeriousAccessibilityViolations() throws IOException {
        List<String> problems = new ArrayList<>();
        load("/");
        audit("initial", problems);

        browser.byTest("play").click();
        browser.waiting(15).until(d -> !browser.byTest("current-year").getText().equals("1922"));
        audit("playing", problems);
        browser.byTest("play").click();

        browser.byTest("figure-aid").click();
        browser.waiting(30).until(d -> "true".equals(browser.byTest("citation").getDomAttribute("data-loaded")));
        audit("citation", problems);
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        pickTheOtherReadingOf1932();
        audit("conflict", problems);

        load("/#lesson-8");
        browser.waiting(30).until(d -> "8".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        audit("lesson", problems);

        assertThat(problems).isEmpty();
    }

    /** 67 sections or 62 affiliates: the other reading shows its run and marks what changes. */
    private void pickTheOtherReadingOf1932() {
        WebElement conflicts = browser.byTest("conflicts");
        browser.waiting(30).until(d -> !conflicts.findElements(By.cssSelector("[data-test='reading']")).isEmpty());
        List<WebElement> passages = conflicts.findElements(By.cssSelector("[data-test='conflict-quote']"));
        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).getText()).isNotEqualTo(passages.get(1).getText());
        WebElement sixtyTwo = conflicts.findElement(By.cssSelector("[data-test='reading'][data-scenario='affiliates-62']"));
        sixtyTwo.click();
        browser.waiting(60).until(d -> !d.findElements(By.cssSelector("[data-test='reading-run']")).isEmpty());
        assertThat(browser.byTest("reading-run").getDomAttribute("data-run")).isEqualTo(affiliates62.runId().value());
        assertThat(browser.byTest("run-id").getText()).isEqualTo(affiliates62.runId().value());
        assertThat(browser.driver.getCurrentUrl()).contains("run=" + affiliates62.runId().value());
        assertThat(browser.byTest("changed-figure").getText()).contains("census/OUTSIDE_USSR/1932-01-01").contains("62 sections");
        // The page shows 1932, where the census's count is one of the year's happenings: it reads 62 now, outlined.
        assertThat(browser.byTest("current-year").getText()).isEqualTo("1932");
        List<WebElement> outlined = browser.driver.findElements(By.cssSelector("#happenings button.changed"));
        assertThat(outlined).hasSize(1);
        assertThat(outlined.get(0).getText()).contains("62").doesNotContain("67");
        assertThat(browser.byTest("changed-on-page").getText()).contains("62");
    }

    @Test
    void theLessonMovesByKeyboardAndEachStepHasItsAddress() {
        load("/");
        browser.byTest("lesson-start").click();
        browser.waiting(30).until(d -> "1".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("#lesson-1");
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.ARROW_RIGHT);
        browser.waiting(30).until(d -> "2".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        body.sendKeys(Keys.PAGE_DOWN);
        browser.waiting(30).until(d -> "3".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("#lesson-3");
        assertThat(browser.byTest("current-year").getText()).isEqualTo("December 1923");
        assertThat(browser.byTest("money-currency").getDomProperty("value")).isEqualTo("USD");
        body.sendKeys(Keys.ARROW_LEFT);
        browser.waiting(30).until(d -> "2".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        int steps = ((Number) browser.js("return Lesson.steps;")).intValue();
        assertThat(steps).isBetween(8, 12);

        load("/#lesson-8");
        browser.waiting(30).until(d -> "8".equals(browser.byTest("lesson").getDomAttribute("data-shown")));
        assertThat(browser.byTest("lesson-title").getText()).isEqualTo("The census of 1928");
        browser.waiting(30).until(d -> browser.byTest("lesson-quote").getText().contains("8,900,000"));
        assertThat(browser.byTest("figure-members").getText()).contains("8,900,000").contains("census of 1 January 1928");
        assertThat(browser.byTest("figure-members").getDomAttribute("data-origin")).isEqualTo("DOCUMENTED");
    }
}
