package org.mopr.ledger.api.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.web.Http;
import org.mopr.ledger.api.web.WebApp;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An ensemble's bands on the page, read from the API as a class sees them: where a finished ensemble of the shown
 * run's scenario exists, the members and aid charts draw its p5-p95 ribbons with the API's numbers and the Sankey's
 * tooltip and dialog give a band's median and ranges, labelled as a model's spread; where none exists, a panel says
 * how to start one and no ribbon is drawn. Both states fit every screen and pass axe-core.
 */
class PageBandsBrowserTest {

    private static final int[] WIDTHS = {360, 390, 768, 1280, 1920};

    static WebApp app;
    static Browser browser;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.start();
        app = WebApp.get();
        historicalEnsemble();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** A small finished ensemble of historical: one another test made, or three members started here with the token. */
    private static void historicalEnsemble() {
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode list = Http.get("/api/ensembles").json().path("items");
            boolean complete = false;
            boolean running = false;
            for (JsonNode e : list) {
                if ("historical".equals(e.path("scenario").asText())) {
                    complete |= "COMPLETE".equals(e.path("status").asText()) && e.path("membersDone").asInt() >= 2;
                    running |= "RUNNING".equals(e.path("status").asText());
                }
            }
            if (!complete && !running) {
                // 409 while another test's ensemble is under way: the next poll sees it.
                Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":3,\"vary\":\"seed,placement\"}",
                        WebApp.TOKEN);
            }
            return complete;
        });
    }

    private void load(String path) {
        browser.viewport(1280, 900);
        browser.driver.get(app.baseUrl + path);
        browser.waiting(60).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.byTest("bands-note").getDomAttribute("data-ensemble")).as("looked up before the page is ready")
                .isIn("true", "false");
    }

    /** Every band of a figure prefix as the API gives it, by figure. */
    private static Map<String, JsonNode> bands(String ensemble, String figure) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Http.get("/api/ensembles/" + ensemble + "/bands?figure=" + figure + "&limit=1000").json().path("items")
                .forEach(b -> out.put(b.path("figure").asText(), b));
        return out;
    }

    private static double value(JsonNode v) {
        return v.isObject() ? v.path("decimal").asDouble() : v.asDouble();
    }

    /** A number as the page writes it (Intl.NumberFormat): whole units rounded half away from zero, grouped by commas. */
    private static String whole(JsonNode v) {
        BigDecimal d = v.isObject() ? new BigDecimal(v.path("decimal").asText()) : BigDecimal.valueOf(v.asLong());
        return NumberFormat.getIntegerInstance(Locale.UK).format(d.setScale(0, RoundingMode.HALF_UP));
    }

    /** p5 and p95 of each point of a ribbon series ECharts was given, by its date's month. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Double>> ribbon(String chart, String seriesId) {
        List<Map<String, Object>> points = (List<Map<String, Object>>) browser.js("""
                const s = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series
                  .find(x => x.id === arguments[1]);
                return s ? s.data.map(d => ({ date: d.value[0], p5: d.p5, p95: d.p95 })) : [];""", chart, seriesId);
        Map<String, List<Double>> out = new LinkedHashMap<>();
        points.forEach(p -> out.put(((String) p.get("date")).substring(0, 7),
                List.of(((Number) p.get("p5")).doubleValue(), ((Number) p.get("p95")).doubleValue())));
        return out;
    }

    @Test
    void anEnsembleOfTheScenarioDrawsItsRibbonsAndTheSankeyGivesItsRanges() throws IOException {
        load("/");
        WebElement note = browser.byTest("bands-note");
        assertThat(note.getDomAttribute("data-ensemble")).isEqualTo("true");
        String ensemble = note.getDomAttribute("data-ensemble-id");
        JsonNode row = Http.get("/api/ensembles/" + ensemble).json().path("ensemble");
        assertThat(row.path("scenario").asText()).isEqualTo("historical");
        assertThat(note.getText()).contains("a model's spread over " + row.path("membersDone").asInt() + " runs of “historical”")
                .contains("not the past").contains("the model's random draws");

        // Members: the ribbon of the whole organisation is the API's p5..p95, month by month.
        Map<String, List<Double>> members = ribbon("membership-chart", "band-membership-ALL-p95");
        Map<String, JsonNode> api = bands(ensemble, "membership/ALL");
        assertThat(members).isNotEmpty().hasSize((int) api.keySet().stream().filter(f -> f.matches(".*/\\d{4}-\\d{2}")).count());
        members.forEach((month, p) -> {
            JsonNode b = api.get("membership/ALL/" + month);
            assertThat(p).as(month).containsExactly(value(b.path("p5")), value(b.path("p95")));
        });

        // Aid: the chosen country's ribbon in gold rubles is the API's, month by month.
        WebElement aid = browser.byTest("aid-bands");
        assertThat(aid.isDisplayed()).isTrue();
        new Select(browser.byTest("aid-country")).selectByValue("PL");
        browser.waiting(10).until(d -> browser.byTest("aid-chart").isDisplayed());
        Map<String, List<Double>> poland = ribbon("aid-chart", "band-aid-p95");
        Map<String, JsonNode> polandApi = bands(ensemble, "aid/PL/XRG");
        assertThat(poland).isNotEmpty();
        poland.forEach((month, p) -> {
            JsonNode b = polandApi.get("aid/PL/XRG/" + month);
            assertThat(p).as(month).containsExactly(value(b.path("p5")), value(b.path("p95")));
        });
        assertThat(polandApi.get("aid/PL/XRG").path("modelled").asBoolean()).isTrue();

        // The Sankey: the band to Poland says its median and ranges on hover, as a model's spread over the runs.
        browser.stepTo("1932");
        String tooltip = (String) browser.js("""
                const c = echarts.getInstanceByDom(document.getElementById("sankey"));
                const o = c.getOption();
                const link = o.series[0].links.find(l => l.accounts.target.startsWith("aid/PL"));
                return o.tooltip[0].formatter({ dataType: "edge", data: link });""");
        JsonNode whole = bands(ensemble, "flow/fund:central/aid:PL/XRG").get("flow/fund:central/aid:PL/XRG");
        assertThat(tooltip).contains("Range, a model's spread over " + row.path("membersDone").asInt() + " runs")
                .contains("December 1922 to December 1932: median " + whole(whole.path("p50")) + " gold rubles")
                .contains("p5–p95 " + whole(whole.path("p5")) + "–" + whole(whole.path("p95")))
                .contains("min–max " + whole(whole.path("min")) + "–" + whole(whole.path("max")));
        // The documented trunk holds in every run.
        String trunk = (String) browser.js("""
                const o = echarts.getInstanceByDom(document.getElementById("sankey")).getOption();
                const link = o.series[0].links.find(l => l.target === "Central aid fund");
                return o.tooltip[0].formatter({ dataType: "edge", data: link });""");
        assertThat(trunk).contains("in every run");
        // And as a pointer shows it: the mouse over the middle of the band, ECharts' own tooltip with the same lines.
        @SuppressWarnings("unchecked")
        Map<String, Object> middle = (Map<String, Object>) browser.js("""
                const el = document.getElementById("sankey");
                el.scrollIntoView({ block: "center" });
                const c = echarts.getInstanceByDom(el);
                const series = c.getModel().getSeriesByIndex(0);
                const edge = series.getGraph().edges.find(e => e.getModel().option.accounts.target.startsWith("aid/PL"));
                const from = edge.node1.getLayout();
                const to = edge.node2.getLayout();
                const e = edge.getLayout();
                const x = series.layoutInfo.x + (from.x + from.dx + to.x) / 2;
                const y = series.layoutInfo.y + (from.y + e.sy + to.y + e.ty) / 2 + e.dy / 2;
                return { x: Math.round(x - el.clientWidth / 2), y: Math.round(y - el.clientHeight / 2) };""");
        new Actions(browser.driver).moveToElement(browser.byTest("sankey"), ((Number) middle.get("x")).intValue(),
                ((Number) middle.get("y")).intValue()).perform();
        browser.waiting(10).until(d -> ((String) browser.js("return document.getElementById('sankey').textContent;"))
                .contains("median " + whole(whole.path("p50"))));
        new Actions(browser.driver).moveToElement(browser.byTest("money-currency")).perform();

        // The same range in the list of bands and in the dialog, by keyboard.
        browser.driver.findElement(By.cssSelector("details.bands summary")).sendKeys(Keys.ENTER);
        WebElement band = browser.driver.findElements(By.cssSelector("[data-test='band']")).stream()
                .filter(b -> b.getText().contains("Poland")).findFirst().orElseThrow();
        assertThat(band.findElement(By.cssSelector("[data-test='band-range']")).getText())
                .contains("median " + whole(whole.path("p50")));
        band.sendKeys(Keys.ENTER);
        browser.waiting(30).until(d -> "true".equals(browser.byTest("citation").getDomAttribute("data-loaded")));
        assertThat(browser.byTest("citation-range").getText()).contains("p5–p95 " + whole(whole.path("p5")))
                .contains("The run shown is one draw");
        List<String> problems = new ArrayList<>();
        browser.seriousViolations().forEach(v -> problems.add("dialog with a range: axe " + v));
        browser.byTest("citation-close").sendKeys(Keys.ENTER);
        audit("bands", "aid-bands", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutAnEnsembleOfTheScenarioAPanelSaysHowToStartOneAndNoRibbonIsDrawn() throws IOException {
        String halfDues = app.halfDues().runId().value();
        load("/?run=" + halfDues);
        WebElement note = browser.byTest("bands-note");
        assertThat(note.getDomAttribute("data-ensemble")).isEqualTo("false");
        assertThat(note.getText()).contains("No ensemble of “half-dues” yet")
                .contains("ensemble half-dues --members 40").contains("POST /api/ensembles").contains("write token");
        assertThat(browser.byTest("aid-bands").isDisplayed()).isFalse();
        assertThat(browser.js("""
                return echarts.getInstanceByDom(document.getElementById("membership-chart")).getOption().series
                  .some(s => String(s.id).startsWith("band-"));""")).isEqualTo(false);
        browser.stepTo("1924");
        assertThat(browser.driver.findElements(By.cssSelector("[data-test='band-range']"))).isEmpty();
        List<String> problems = new ArrayList<>();
        audit("no-ensemble", "bands-panel", problems);
        assertThat(problems).isEmpty();
    }

    /** No sideways scrolling at any width; axe-core, and screenshots of the part shown at phone and projector size. */
    private void audit(String state, String shown, List<String> problems) throws IOException {
        for (int width : WIDTHS) {
            browser.viewport(width, width < 800 ? 780 : 1000);
            String overflow = browser.widestOverflow();
            if (!overflow.isEmpty()) {
                problems.add(state + " at " + width + " px scrolls sideways by " + overflow);
            }
            if (width == 390 || width == 1920) {
                browser.js("arguments[0].scrollIntoView();", browser.byTest(shown));
                browser.screenshot(state + "-" + (width == 390 ? "phone" : "projector") + ".png");
                browser.seriousViolations().forEach(v -> problems.add(state + " at " + width + " px: axe " + v));
            }
        }
        browser.viewport(1280, 900);
    }
}
