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
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state of the page (opened, playing, a passage open, a conflict's other reading, a founding-date conflict
 * switched, a conflict no run can show, a lesson step) at a small phone, a phone, a tablet, a laptop and a projector:
 * no sideways scrolling anywhere down the page, no serious or critical axe-core violation, and screenshots at phone
 * and projector size in target/screenshots.
 */
class PageScreensBrowserTest {

    private static final int[] WIDTHS = {360, 390, 768, 1280, 1920};
    private static final int PHONE = 390;
    private static final int PROJECTOR = 1920;

    static WebApp app;
    static Browser browser;
    static RunSummary affiliates62;
    static RunSummary deFounded1921;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.start();
        app = WebApp.get();
        // The reading of the 1932 census with 62 affiliates, as the shipped what-if runs it.
        affiliates62 = app.context.getBean(RunService.class).run("affiliates-62", null,
                new PrintStream(OutputStream.nullOutputStream()));
        app.awaitProjected(affiliates62);
        // The German Red Aid of seed 001 (April 1921) against the affiliates table (Oct. 1924), as its what-if runs it.
        deFounded1921 = app.context.getBean(RunService.class).run("de-founded-1921", null,
                new PrintStream(OutputStream.nullOutputStream()));
        app.awaitProjected(deFounded1921);
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

    /**
     * Shows the pair of passages that names both claims, chosen by its claims rather than its place in the list, which
     * changes whenever a what-if is added.
     */
    private WebElement showPair(String claim, String other) {
        WebElement conflicts = browser.byTest("conflicts");
        browser.waiting(30).until(d -> !conflicts.findElements(By.cssSelector("[data-test='conflict-choice'] option")).isEmpty());
        WebElement option = conflicts.findElements(By.cssSelector("[data-test='conflict-choice'] option")).stream()
                .filter(o -> List.of(o.getDomAttribute("data-claims").split(" ")).containsAll(List.of(claim, other)))
                .findFirst().orElseThrow(() -> new AssertionError("no pair of " + claim + " and " + other));
        new Select(browser.byTest("conflict-choice")).selectByValue(option.getDomAttribute("value"));
        browser.waiting(10).until(d -> conflicts.findElements(By.cssSelector("[data-test='conflict-reading']")).stream()
                .map(r -> r.getDomAttribute("data-claim")).toList().containsAll(List.of(claim, other)));
        return conflicts;
    }

    /** 67 sections or 62 affiliates: the other reading shows its run and marks what changes. */
    private void pickTheOtherReadingOf1932() {
        WebElement conflicts = showPair("c003.affiliates-1932-62", "c003.sections-1932-outside-ussr-67");
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

    /**
     * A founding-date conflict as a switch: the text's April 1921 shows de-founded-1921's run (the run is named, not
     * guessed from the store), the German section's founding day is listed as changed, and at 1922 the sections card
     * and the founding among the year's happenings are outlined. Back to the table's reading, the default run again.
     * A pair no run can show says so. Every state fits every screen, without serious axe violations.
     */
    @Test
    void aFoundingDateConflictSwitchesToItsWhatIfAndOutlinesWhatChanges() throws IOException {
        List<String> problems = new ArrayList<>();
        load("/");
        WebElement conflicts = showPair("c001.de-formed-1921-04", "c003.affiliate-de");
        assertThat(conflicts.findElements(By.cssSelector("[data-test='conflict-quote']"))).hasSize(2);
        String sectionsBefore = browser.byTest("figure-sections").findElement(By.className("num")).getText();
        conflicts.findElement(By.cssSelector("[data-test='reading'][data-claim='c001.de-formed-1921-04']")).click();
        String run = deFounded1921.runId().value();
        browser.waiting(60).until(d -> !d.findElements(By.cssSelector("[data-test='reading-run']")).isEmpty());
        assertThat(browser.byTest("reading-run").getDomAttribute("data-run")).isEqualTo(run);
        assertThat(browser.byTest("run-id").getText()).isEqualTo(run);
        assertThat(browser.driver.getCurrentUrl()).contains("run=" + run);
        List<String> changed = browser.driver.findElements(By.cssSelector("[data-test='changed-figure']")).stream()
                .map(WebElement::getText).toList();
        assertThat(changed).singleElement().asString().contains("section/DE").contains("1924-10-16").contains("1922-11-30");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='changed-figure'] mark"))).hasSize(2);
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='changed-check']")))
                .anySatisfy(c -> assertThat(c.getText()).contains("c003.affiliate-de"));
        // April 1921 is before MOPR: the page shows its first year, when Germany now has a section.
        assertThat(browser.byTest("current-year").getText()).isEqualTo("1922");
        WebElement sections = browser.byTest("figure-sections");
        assertThat(sections.getDomAttribute("class")).contains("changed");
        assertThat(Integer.parseInt(sections.findElement(By.className("num")).getText()))
                .isEqualTo(Integer.parseInt(sectionsBefore) + 1);
        assertThat(browser.driver.findElements(By.cssSelector("#happenings button.changed")))
                .anySatisfy(h -> assertThat(h.getText()).contains("Section founded: Germany"));
        assertThat(browser.byTest("figure-aid").getDomAttribute("class")).doesNotContain("changed");
        browser.screenshot("conflict-founding.png");
        audit("conflict-founding", problems);

        // The table's reading is the default run's.
        conflicts.findElement(By.cssSelector("[data-test='reading'][data-claim='c003.affiliate-de']")).click();
        browser.waiting(60).until(d -> !d.findElements(By.cssSelector("[data-test='reading-run']")).isEmpty()
                && !run.equals(browser.byTest("reading-run").getDomAttribute("data-run")));
        String historical = browser.byTest("reading-run").getDomAttribute("data-run");
        assertThat(historical).startsWith("historical-");
        assertThat(browser.byTest("run-id").getText()).isEqualTo(historical);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("run=");
        assertThat(browser.byTest("current-year").getText()).isEqualTo("1924");

        // Names change no figure: the pair says so instead of offering a switch.
        showPair("c001.name-iopr", "c002.name-workers-aid");
        assertThat(conflicts.findElements(By.cssSelector("[data-test='reading']"))).isEmpty();
        assertThat(browser.byTest("no-run").getText()).startsWith("No run can show this conflict:").contains("changes no figure");
        audit("conflict-no-run", problems);
        assertThat(problems).isEmpty();
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
