package org.mopr.ledger.api.metrics;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.web.Http;
import org.mopr.ledger.api.web.WebApp;
import org.mopr.ledger.projection.reconciliation.Basis;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.ReportMembership;
import org.mopr.ledger.section.SectionCommands;
import org.mopr.ledger.section.SectionId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Scrapes /actuator/prometheus after a run and checks the project's mopr_* metrics against the store. */
class PrometheusMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.get();
    }

    /** Every sample of the scrape, "name{labels}" to value. */
    static Map<String, Double> scrape() {
        Http.Answer answer = Http.get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        Map<String, Double> samples = new TreeMap<>();
        answer.body().lines().filter(l -> !l.startsWith("#")).forEach(l -> {
            Matcher m = SAMPLE.matcher(l);
            if (m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        });
        return samples;
    }

    static double sum(Map<String, Double> samples, String prefix) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void eventsAppendedAreCountedByTypeAndOriginAndMatchTheStore() {
        long stored = app.jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        Map<String, Double> samples = scrape();
        // Every event in this database was appended by this application, so the counters hold all of them.
        assertThat(sum(samples, "mopr_events_appended_total{")).isEqualTo((double) stored);
        // The affiliates table dates sections by month or year: the day each is placed on is DERIVED, not documented.
        long placedFoundings = app.jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ? "
                + "AND event_type = 'SectionFounded' AND origin = 'DERIVED'", Long.class, app.run());
        assertThat(samples.get("mopr_events_appended_total{origin=\"DERIVED\",type=\"SectionFounded\"}"))
                .isGreaterThanOrEqualTo((double) placedFoundings);
        assertThat(samples).containsKey("mopr_events_appended_total{origin=\"ASSUMED\",type=\"ExchangeRateDeclared\"}");
        assertThat(samples).containsKey("mopr_events_appended_total{origin=\"SIMULATED\",type=\"AidSent\"}");
    }

    @Test
    void axonsProcessorMetricsAreThereByProcessorName() {
        long projected = app.jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> samples = scrape();
            // Every event this application projected went through the processor's monitor since it started.
            assertThat(samples.get("axon_processor_ingestedCounter_total{processor=\"projections\"}"))
                    .isGreaterThanOrEqualTo((double) projected);
            assertThat(samples).containsKey("axon_processor_capacity{processor=\"projections\"}");
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("axon_processor_latency") && k.contains("processor=\"projections\""));
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("axon_processor_successTimer") && k.contains("processor=\"projections\""));
        });
    }

    @Test
    void commandsAreCountedWithTheirFailures() {
        double before = scrape().getOrDefault("mopr_commands_total{command=\"CollectDues\",outcome=\"failure\"}", 0.0);
        SectionId soviet = SectionId.of(app.run(), "SU");
        assertThatThrownBy(() -> app.commands().sendAndWait(new CollectDues(soviet, List.of(),
                Provenance.documented("c001.ussr-aid-1923-usd")))).hasMessageContaining("at least one line");
        Map<String, Double> samples = scrape();
        assertThat(samples.get("mopr_commands_total{command=\"CollectDues\",outcome=\"failure\"}")).isEqualTo(before + 1);
        assertThat(samples.get("mopr_commands_total{command=\"FoundSection\",outcome=\"success\"}")).isGreaterThanOrEqualTo(58);
        assertThat(sum(samples, "mopr_commands_total{")).isGreaterThan(app.historical.commands() - 1);
    }

    @Test
    void commandsSentTogetherAreCountedOneByOne() {
        Map<String, Double> before = scrape();
        String ok = "mopr_commands_total{command=\"ReportMembership\",outcome=\"success\"}";
        String refused = "mopr_commands_total{command=\"ReportMembership\",outcome=\"failure\"}";
        SectionId soviet = SectionId.of(app.run(), "SU");
        Provenance doc = Provenance.documented("c001.ussr-aid-1923-usd");
        LocalDate day = LocalDate.of(1925, 1, 1);
        // The second is refused: the first counts as handled, the second as refused, the third was never reached.
        assertThatThrownBy(() -> app.commands().sendAndWait(new SectionCommands(soviet, List.of(
                new ReportMembership(soviet, day, 10, doc), new ReportMembership(soviet, day, -1, doc),
                new ReportMembership(soviet, day, 20, doc)))))
                .hasMessageContaining("cannot be negative").hasMessageContaining("(ReportMembership, command 2 of 3");
        Map<String, Double> samples = scrape();
        assertThat(samples.get(ok)).isEqualTo(before.getOrDefault(ok, 0.0) + 1);
        assertThat(samples.get(refused)).isEqualTo(before.getOrDefault(refused, 0.0) + 1);
        assertThat(samples.keySet()).noneMatch(k -> k.contains("SectionCommands"));
    }

    @Test
    void theProjectionsCatchUpWithTheHeadOfTheStore() {
        long head = app.jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> samples = scrape();
            assertThat(samples.get("mopr_store_head")).isGreaterThanOrEqualTo((double) head);
            assertThat(samples.get("mopr_projection_lag{processor=\"projections\"}")).isZero();
            assertThat(samples.get("mopr_projection_position{processor=\"projections\"}")).isEqualTo(samples.get("mopr_store_head"));
        });
        Map<String, Double> samples = scrape();
        assertThat(samples.get("mopr_projection_replaying{processor=\"projections\"}")).isZero();
        assertThat(samples.get("mopr_projection_replay_progress{processor=\"projections\"}")).isEqualTo(1.0);
        assertThat(samples.get("mopr_runs{status=\"COMPLETE\"}")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void reconciliationResultsOfTheLatestRunAreGauges() {
        Map<Status, Long> expected = app.context.getBean(org.mopr.ledger.api.web.ReconciliationReports.class)
                .of(app.run()).countByStatus();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> samples = scrape();
            for (Status s : Status.values()) {
                double byBasis = 0;
                for (Basis b : Basis.values()) {
                    byBasis += samples.get("mopr_reconciliation_lines{basis=\"" + b + "\",status=\"" + s + "\"}");
                }
                assertThat(byBasis).as(s.name()).isEqualTo(expected.get(s).doubleValue());
            }
        });
        assertThat(expected.get(Status.MATCH)).isPositive();
    }

    @Test
    void httpLatencyIsAHistogramAndHealthChecksTheDatabase() {
        Http.get("/api/runs");
        Map<String, Double> samples = scrape();
        assertThat(samples.keySet()).anySatisfy(k -> assertThat(k).startsWith("http_server_requests_seconds_bucket{").contains("uri=\"/api/runs\""));
        var health = Http.get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    }
}
