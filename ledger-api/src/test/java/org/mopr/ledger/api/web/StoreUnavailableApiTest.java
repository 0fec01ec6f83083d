package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.projection.ProjectionConfiguration;
import org.mopr.ledger.api.projection.ProjectionFailures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API when its database goes away and comes back, with the application's own settings: every request that needs
 * the store answers 503 with a problem and a Retry-After within the connection timeout (2 s), the health endpoint
 * within a second, and everything answers again once the database is back, without a restart. The database is cut
 * off for real: new connections are refused and the ones the pool holds are ended by the server.
 */
class StoreUnavailableApiTest {

    /** The connection timeout of application.properties, and what a request may add to it on a loaded machine. */
    private static final Duration REQUEST_BOUND = Duration.ofMillis(2_000 + 1_500);
    private static final Duration HEALTH_BOUND = Duration.ofSeconds(1);

    static OwnWebApp app;

    @BeforeAll
    static void start() {
        app = OwnWebApp.start("store_unavailable");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (app != null) {
            allowConnections(true);
            app.close();
        }
    }

    @Test
    void whileTheDatabaseRefusesConnectionsTheApiAnswers503QuicklyAndRecoversWithoutARestart() throws SQLException {
        assertThat(Http.get(app.url("/api/runs")).status()).isEqualTo(200);
        assertThat(Http.get(app.url("/actuator/health")).status()).isEqualTo(200);
        try {
            allowConnections(false);

            List<Http.Answer> answers = new ArrayList<>();
            for (String read : new String[]{"/api/runs", "/api/runs/historical-s1922",
                    "/api/membership?run=historical-s1922&scope=all&at=1930", "/api/runs?format=csv"}) {
                Http.Answer answer = within(REQUEST_BOUND, read, () -> Http.get(app.url(read)));
                assertThat(answer.problem(503, "store-unavailable")).contains("reference");
                answers.add(answer);
            }
            Http.Answer health = within(HEALTH_BOUND, "health", () -> Http.get(app.url("/actuator/health")));
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
            // A run asked for while the store is away is refused at once, not accepted to fail later.
            Http.Answer run = within(REQUEST_BOUND.plus(REQUEST_BOUND), "a run",
                    () -> Http.post(app.url("/api/runs"), "{\"scenario\":\"half-dues\"}", WebApp.TOKEN));
            run.problem(503, "store-unavailable");
            answers.add(run);
            for (Http.Answer answer : answers) {
                assertThat(answer.raw().headers().firstValue("Retry-After")).as(answer.raw().uri().toString()).hasValue("2");
            }
        } finally {
            allowConnections(true);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(app.url("/api/runs")).status() == 200);
        Http.Answer health = within(HEALTH_BOUND, "health", () -> Http.get(app.url("/actuator/health")));
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(Http.get(app.url("/api/runs?scenario=half-dues")).json().path("items")).as("the refused run wrote nothing")
                .isEmpty();
    }

    @Test
    void aRunCutOffByTheStoreIsFailedWithTheStoresReasonAndItsPartialFiguresAreNeverShown() throws Exception {
        // A member-level run of some fifty thousand events: long enough to be cut off after its first transactions.
        String body = "{\"scenario\":\"synthetic-members\",\"seed\":11}";
        CompletableFuture<Http.Answer> answer = CompletableFuture.supplyAsync(
                () -> Http.post(app.url("/api/runs"), body, WebApp.TOKEN));
        String cut = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> app.jdbc.queryForList("SELECT run_id FROM ledger_run WHERE scenario = 'synthetic-members' "
                        + "AND seed = 11", String.class), ids -> ids.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> storedEvents(cut) > 0);
        Http.Answer refused;
        try (OwnWebApp.StoreWriteLock held = app.holdAppends()) {
            // The run waits at its next append; its first transactions are stored, and the processor projects them.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> projected(cut) > 0);
            assertThat(Http.get(app.url("/api/runs/" + cut)).json().path("status").asText()).isEqualTo("RUNNING");
            try {
                allowConnections(false);
                refused = answer.get(60, TimeUnit.SECONDS);
            } finally {
                allowConnections(true);
            }
        }
        // Once the store answers again the run is FAILED with the store's failure, without waiting for another run.
        JsonNode failed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(app.url("/api/runs/" + cut)), a -> a.status() == 200
                        && !"RUNNING".equals(a.json().path("status").asText())).json();
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asText()).contains("the store failed").doesNotContain("left incomplete");
        assertThat(refused.problem(503, "store-unavailable")).doesNotContain("JDBC").doesNotContain("SQL");
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(storedEvents(cut)).as("its first transactions stay in the append-only store").isPositive();
        assertThat(projected(cut)).isPositive();

        // Its partial rows are never shown as the run's figures.
        for (String read : new String[]{"/api/membership?scope=all&at=1930-01-01&run=" + cut,
                "/api/reconciliation?run=" + cut, "/api/trial-balance?run=" + cut}) {
            assertThat(Http.get(app.url(read)).problem(409, "run-incomplete")).as(read).contains("FAILED");
        }

        // The server recovered without a restart: a new run is stored, projected and read.
        Http.Answer next = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.post(app.url("/api/runs"), "{\"scenario\":\"ban-italy-1923\",\"seed\":11}", WebApp.TOKEN),
                        a -> a.status() != 409);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        String id = next.json().path("run").path("runId").asText();
        AtomicReference<Http.Answer> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last.set(Http.get(app.url("/api/reconciliation?limit=1&run=" + id)));
                return last.get().status() != 503;
            });
        } catch (ConditionTimeoutException stillRefused) {
            // Say which wait did not end: the store (store-unavailable), or the processor (projections behind).
            throw new AssertionError("the new run's reconciliation still answered 503 60 s after the store came back: "
                    + last.get().body() + "; " + processorState(id), stillRefused);
        }
        assertThat(last.get().status()).as(last.get().body()).isEqualTo(200);
    }

    /** What the projection processor was doing: its segments, its failed batches, and how far it got with the run. */
    private static String processorState(String run) {
        StreamingEventProcessor processor = app.context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        return "processor running " + processor.isRunning() + ", in error " + processor.isError() + ", segments "
                + processor.processingStatus() + ", failed batches " + app.context.getBean(ProjectionFailures.class).count()
                + ", run events stored " + storedEvents(run) + ", projected " + projected(run);
    }

    private static Http.Answer within(Duration bound, String what, Supplier<Http.Answer> request) {
        long began = System.nanoTime();
        Http.Answer answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as(what + " answered " + answer.status()).isLessThan(bound);
        return answer;
    }

    private static long storedEvents(String run) {
        return app.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, run + "/%");
    }

    private static long projected(String run) {
        return app.jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run);
    }

    /** Stops or allows new connections to the app's database; stopping also ends the ones its pool holds. */
    private static void allowConnections(boolean allow) throws SQLException {
        try (Connection c = app.connectToServer(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + app.database + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + app.database + "'");
            }
        }
    }
}
