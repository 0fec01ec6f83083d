package org.mopr.ledger.api.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API when its database goes away: every endpoint that needs the store answers 503 with a problem (no SQL, no
 * stack trace) within the pool's connection timeout, and answers again once the database is back. The app runs on a
 * database of its own, with a connection timeout of half a second so that a request gives up quickly.
 */
class StoreUnavailableApiTest {

    static OwnWebApp app;

    @BeforeAll
    static void start() {
        app = OwnWebApp.start("store_unavailable", "spring.datasource.hikari.connection-timeout=500");
    }

    @AfterAll
    static void stop() throws SQLException {
        if (app != null) {
            allowConnections(true);
            app.close();
        }
    }

    @Test
    void whileTheDatabaseRefusesConnectionsTheApiAnswers503AndRecoversAfter() throws SQLException {
        assertThat(Http.get(app.url("/api/runs")).status()).isEqualTo(200);
        try {
            allowConnections(false);

            long began = System.nanoTime();
            assertThat(Http.get(app.url("/api/runs")).problem(503, "store-unavailable")).contains("reference");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("given up after the pool's timeout")
                    .isLessThan(Duration.ofSeconds(10));
            Http.get(app.url("/api/runs/historical-s1922")).problem(503, "store-unavailable");
            Http.get(app.url("/api/membership?run=historical-s1922&scope=all&at=1930")).problem(503, "store-unavailable");
            Http.get(app.url("/api/runs?format=csv")).problem(503, "store-unavailable");
            Http.post(app.url("/api/runs"), "{\"scenario\":\"half-dues\"}", WebApp.TOKEN).problem(503, "store-unavailable");
        } finally {
            allowConnections(true);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(app.url("/api/runs")).status() == 200);
        assertThat(Http.get(app.url("/api/runs?scenario=half-dues")).json().path("items")).as("the refused run wrote nothing")
                .isEmpty();
    }

    @Test
    void aRunCutOffByTheStoreIsAnswered503AndTheNextRunOfItStartsClean() throws Exception {
        String body = "{\"scenario\":\"ban-italy-1923\",\"seed\":11}";
        String cut;
        try (OwnWebApp.StoreWriteLock held = app.holdAppends()) {
            CompletableFuture<Http.Answer> answer = CompletableFuture.supplyAsync(
                    () -> Http.post(app.url("/api/runs"), body, WebApp.TOKEN));
            cut = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.jdbc.queryForList("SELECT run_id FROM ledger_run WHERE scenario = 'ban-italy-1923' "
                            + "AND seed = 11 AND status = 'RUNNING'", String.class), ids -> ids.size() == 1).get(0);
            try {
                // The run waits at its first append; the server ends its connection and refuses new ones.
                allowConnections(false);
                assertThat(answer.get(60, TimeUnit.SECONDS).problem(503, "store-unavailable"))
                        .doesNotContain("JDBC").doesNotContain("SQL");
            } finally {
                allowConnections(true);
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(app.url("/api/runs/" + cut)).status() == 200);
        // Its batch was rolled back, and the registry could not be told: it shows RUNNING, as any run killed half way.
        assertThat(storedEvents(cut + "/%")).isZero();
        assertThat(Http.get(app.url("/api/runs/" + cut)).json().path("status").asText()).isEqualTo("RUNNING");

        // The next run of the same scenario and seed marks it FAILED and starts clean under the next id.
        Http.Answer again = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.post(app.url("/api/runs"), body, WebApp.TOKEN), a -> a.status() != 409);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String next = again.json().path("run").path("runId").asText();
        assertThat(next).isEqualTo(cut + "-2");
        assertThat(again.json().path("run").path("events").asLong()).isPositive().isEqualTo(storedEvents(next + "/%"));
        com.fasterxml.jackson.databind.JsonNode failed = Http.get(app.url("/api/runs/" + cut)).json();
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asText()).contains("left incomplete");
        assertThat(storedEvents(cut + "/%")).isZero();
    }

    private static long storedEvents(String aggregateLike) {
        return app.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, aggregateLike);
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
