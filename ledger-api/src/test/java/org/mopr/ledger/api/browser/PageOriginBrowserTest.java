package org.mopr.ledger.api.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the page says about where its figures come from, by keyboard as by mouse: the Sankey's modelled bands are
 * hatched and its documented totals solid, the cards say so in words, the dialog keeps the focus, and each chart
 * saves with its citation line. An ensemble's ranges are PageBandsBrowserTest's.
 */
class PageOriginBrowserTest {

    static WebApp app;
    static Browser browser;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.start();
        app = WebApp.get();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void load() {
        browser.viewport(1280, 900);
        browser.driver.get(app.baseUrl + "/");
        browser.waiting(60).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSankeysModelledBandsAreHatchedAndItsDocumentedTotalsAreNot() {
        browser.stepTo("1932");
        // What ECharts was given to draw, band by band: the origin and whether the fill is the hatching pattern.
        List<Map<String, Object>> bands = (List<Map<String, Object>>) browser.js("""
                const links = echarts.getInstanceByDom(document.getElementById("sankey")).getOption().series[0].links;
                return links.map(l => ({ source: l.source, target: l.target, value: l.value, kind: l.origin.kind,
                  hatched: Boolean(l.lineStyle.color && l.lineStyle.color.image instanceof HTMLCanvasElement),
                  color: typeof l.lineStyle.color === "string" ? l.lineStyle.color : "pattern" }));""");
        List<Map<String, Object>> toCountries = bands.stream()
                .filter(b -> ((String) b.get("target")).startsWith("Aid to prisoners in ")).toList();
        assertThat(toCountries).hasSize(9).allSatisfy(b -> {
            assertThat(b.get("kind")).isEqualTo("MODELLED");
            assertThat(b.get("hatched")).as("a modelled band is hatched: %s", b).isEqualTo(true);
        });
        List<Map<String, Object>> totals = bands.stream()
                .filter(b -> !((String) b.get("target")).startsWith("Aid to prisoners in ")).toList();
        assertThat(totals).extracting(b -> b.get("target"))
                .containsExactlyInAnyOrder("USSR section fund", "Central aid fund");
        assertThat(totals).allSatisfy(b -> {
            assertThat(b.get("kind")).isEqualTo("DOCUMENTED");
            assertThat(b.get("hatched")).as("a documented total is solid: %s", b).isEqualTo(false);
            assertThat(b.get("color")).isEqualTo("#b3121d");
            // The sources' 440,000 gold rubles sent by July 1924, dollars and francs converted at assumed rates.
            assertThat(((Number) b.get("value")).doubleValue()).isCloseTo(440_000, org.assertj.core.data.Offset.offset(0.01));
        });
        // The boxes the model filled are hatched too, and the list of bands says the same in words.
        List<Object> boxes = (List<Object>) browser.js("""
                return echarts.getInstanceByDom(document.getElementById("sankey")).getOption().series[0].data
                  .filter(d => d.name.startsWith("Aid to prisoners in ")).map(d => d.itemStyle.color.image instanceof HTMLCanvasElement);""");
        assertThat(boxes).hasSize(9).containsOnly(true);
        List<WebElement> listed = browser.driver.findElements(By.cssSelector("[data-test='band']"));
        assertThat(listed).hasSize(11);
        assertThat(listed.stream().filter(b -> "MODELLED".equals(b.getDomAttribute("data-origin")))).hasSize(9);
        // The card says it without a click.
        WebElement aid = browser.byTest("figure-aid");
        assertThat(aid.getText()).contains("the total is the sources', the split is a model's").contains("440,000*");
        assertThat(aid.getDomAttribute("data-origin")).isEqualTo("DOCUMENTED");
        assertThat(browser.byTest("legend").getText()).contains("documented", "derived", "modelled", "assumed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void partOfATotalAModelPlacedInTheMonthsIsModelledAndCensusesAreDocumented() {
        browser.stepTo("1923");
        List<String> kinds = (List<String>) browser.js("return Charts.bands().map(b => b.origin.kind);");
        assertThat(kinds).as("by December 1923 only part of the total to July 1924 has moved").containsOnly("MODELLED");
        Map<String, Object> lines = (Map<String, Object>) browser.js("""
                const s = echarts.getInstanceByDom(document.getElementById("membership-chart")).getOption().series;
                return { interpolated: s[0].lineStyle.type, census: s[1].type, sections: s[2].lineStyle.color };""");
        assertThat(lines).containsEntry("interpolated", "dashed").containsEntry("census", "scatter")
                .containsEntry("sections", "#d4626a");
    }

    @Test
    void theKeyboardPlaysStepsAndOpensANumberInADialogThatKeepsTheFocus() {
        WebElement play = browser.byTest("play");
        play.sendKeys(Keys.ENTER);
        browser.waiting(10).until(d -> "true".equals(play.getDomAttribute("aria-pressed")));
        play.sendKeys(Keys.SPACE);
        browser.waiting(10).until(d -> "false".equals(play.getDomAttribute("aria-pressed")));
        WebElement slider = browser.byTest("slider");
        String before = browser.byTest("current-year").getText();
        slider.sendKeys(Keys.ARROW_RIGHT);
        browser.waiting(10).until(d -> !browser.byTest("current-year").getText().equals(before));

        browser.stepTo("1926");
        browser.driver.findElement(By.cssSelector("details.bands summary")).sendKeys(Keys.ENTER);
        WebElement band = browser.driver.findElement(By.cssSelector("[data-test='band'][data-origin='MODELLED']"));
        band.sendKeys(Keys.ENTER);
        browser.waiting(30).until(d -> "true".equals(browser.byTest("citation").getDomAttribute("data-loaded")));
        assertThat(browser.js("return document.activeElement.id;")).isEqualTo("citation-close");
        new Actions(browser.driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(browser.js("return document.getElementById('citation').contains(document.activeElement);"))
                .as("Tab stays in the dialog").isEqualTo(true);
        assertThat(browser.byTest("citation").getText()).contains("the total is the sources', the split is a model's");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waiting(5).until(d -> !browser.byTest("citation").isDisplayed());
        assertThat(browser.js("return document.activeElement.dataset.test;")).as("the focus goes back").isEqualTo("band");

        WebElement members = browser.byTest("figure-sections");
        members.sendKeys(Keys.ENTER);
        browser.waiting(30).until(d -> "true".equals(browser.byTest("citation").getDomAttribute("data-loaded")));
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waiting(5).until(d -> !browser.byTest("citation").isDisplayed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachChartSavesAsPngAndSvgWithItsCitationLine() {
        browser.stepTo("1925");
        for (String chart : List.of("sankey", "membership-chart", "patronage-chart")) {
            Map<String, Object> svg = (Map<String, Object>) browser.js("return Export.image(arguments[0], 'svg');", chart);
            String url = (String) svg.get("url");
            assertThat(url).startsWith("data:image/svg+xml");
            String image = URLDecoder.decode(url.substring(url.indexOf(',') + 1), StandardCharsets.UTF_8);
            assertThat(image).contains("<svg").contains(app.run()).contains("1925");
            Map<String, Object> png = (Map<String, Object>) browser.js("return Export.image(arguments[0], 'png');", chart);
            assertThat((String) png.get("url")).startsWith("data:image/png;base64,");
            assertThat((String) png.get("line")).contains("run " + app.run()).contains("1925");
        }
        String line = (String) browser.js("return Export.line('sankey');");
        assertThat(line).as("the seeds the Sankey rests on").contains("001_81dcb08b3cb23004.txt");
    }
}
