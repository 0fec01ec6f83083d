package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.run.JdbcRunStore;
import org.mopr.ledger.shared.RunId;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /api/runs while a run is under way: a second one is refused (409) and leaves nothing behind, and a run that
 * outlasts {@code mopr.api.run-wait} is answered 202 with a Location to follow. The app runs on its own store with a
 * run wait of a millisecond; its runs are held at their first append by a lock the test takes on the event table
 * (reads go on), so "still running" lasts exactly as long as each test needs and no test sleeps.
 */
class RunsInProgressApiTest {

    static OwnWebApp app;

    @BeforeAll
    static void start() {
        app = OwnWebApp.start("runs_in_progress", "mopr.api.run-wait=PT0.001S");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsUnderWayAndLeavesNothingBehind() throws Exception {
        String first;
        try (OwnWebApp.StoreWriteLock held = app.holdAppends()) {
            Http.Answer started = startWhenFree("{\"scenario\":\"ban-italy-1923\",\"seed\":7}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            first = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> app.jdbc.queryForList("SELECT run_id FROM ledger_run WHERE scenario = 'ban-italy-1923' "
                            + "AND seed = 7 AND status = 'RUNNING'", String.class), ids -> ids.size() == 1).get(0);

            Http.Answer other = post("{\"scenario\":\"half-dues\",\"seed\":8}");
            assertThat(other.problem(409, "conflict")).contains("still under way");
            assertThat(other.json().path("title").asText()).isEqualTo("Conflict with the store's state");
            post("{\"scenario\":\"ban-italy-1923\",\"seed\":7}").problem(409, "conflict");
            assertThat(Http.delete(app.url("/api/runs/" + first), WebApp.TOKEN).problem(409, "conflict"))
                    .contains("still running");
            assertThat(Http.get(app.url("/api/runs/" + first)).json().path("status").asText()).isEqualTo("RUNNING");
        }

        // The first run was only held up: it completes with every one of its events.
        JsonNode done = awaitComplete(first);
        assertThat(done.path("events").asLong()).isPositive().isEqualTo(storedEvents(first + "/%"));
        // The refused ones were never registered and wrote no event, under their own ids or any other.
        assertThat(app.jdbc.queryForObject("SELECT count(*) FROM ledger_run WHERE scenario = 'half-dues'", Long.class)).isZero();
        assertThat(app.jdbc.queryForList("SELECT run_id FROM ledger_run WHERE scenario = 'ban-italy-1923' AND seed = 7",
                String.class)).containsExactly(first);
        assertThat(storedEvents("half-dues%")).isZero();
        assertThat(storedEvents(first + "-%")).isZero();
        assertThat(Http.get(app.url("/api/runs?scenario=half-dues")).json().path("items")).isEmpty();

        // The refusal lasted only while the first run was under way.
        Http.Answer after = startWhenFree("{\"scenario\":\"half-dues\",\"seed\":8}");
        assertThat(after.status()).as(after.body()).isIn(201, 202);
        String second = await().atMost(Duration.ofSeconds(30)).until(() -> app.jdbc.queryForList(
                "SELECT run_id FROM ledger_run WHERE scenario = 'half-dues' AND seed = 8", String.class), ids -> ids.size() == 1).get(0);
        assertThat(awaitComplete(second).path("events").asLong()).isEqualTo(storedEvents(second + "/%"));
    }

    @Test
    void aRunLongerThanTheWaitIsAcceptedAndItsLocationFollowsItToTheEnd() throws Exception {
        Http.Answer started;
        long seed;
        try (OwnWebApp.StoreWriteLock held = app.holdAppends()) {
            started = startWhenFree("{\"scenario\":\"us-founded-1921\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.contentType()).startsWith("application/json");
            JsonNode body = started.json();
            assertThat(body.path("status").asText()).isEqualTo("RUNNING");
            assertThat(body.path("scenario").asText()).isEqualTo("us-founded-1921");
            assertThat(body.path("run").isMissingNode()).as("no run to show yet").isTrue();
            seed = body.path("seed").asLong();
            assertThat(seed).as("the scenario's own seed, compiled before the answer").isEqualTo(
                    app.context.getBean(org.mopr.ledger.api.run.RunService.class).compile("us-founded-1921", null).settings().seed());
            String id = "us-founded-1921-s" + seed;
            assertThat(body.path("runId").asText()).isEqualTo(id);
            assertThat(started.raw().headers().firstValue("Location")).hasValue("/api/runs/" + id);
            // While it is held, the Location shows it running.
            JsonNode running = at(started);
            assertThat(running.path("runId").asText()).isEqualTo(id);
            assertThat(running.path("status").asText()).isEqualTo("RUNNING");
            assertThat(running.path("fingerprint").isNull()).isTrue();
        }

        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> at(started), r -> !"RUNNING".equals(r.path("status").asText()));
        String id = run.path("runId").asText();
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETE");
        assertThat(id).isEqualTo("us-founded-1921-s" + seed);
        assertThat(run.path("failure").isNull()).isTrue();
        long events = run.path("events").asLong();
        assertThat(events).isPositive().isEqualTo(storedEvents(id + "/%"));
        // The summary's fingerprint is the one of the events in the store.
        assertThat(run.path("fingerprint").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(app.context.getBean(JdbcRunStore.class).contents(RunId.of(id)).fingerprint().hex());
        assertThat(OffsetDateTime.parse(run.path("finishedAt").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(run.path("startedAt").asText()));
        assertThat(Http.get(app.url("/api/runs/" + id)).json()).isEqualTo(run);
    }

    private static Http.Answer post(String body) {
        return Http.post(app.url("/api/runs"), body, WebApp.TOKEN);
    }

    /**
     * Starts a run once the launcher is free. The registry says COMPLETE a moment before the launcher lets go of the
     * run (the runner still counts its events), so a run started right after another one's end may be refused once.
     */
    private static Http.Answer startWhenFree(String body) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> post(body), a -> a.status() != 409);
    }

    /** The run the answer's Location points at, as it is now. */
    private static JsonNode at(Http.Answer accepted) {
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        Http.Answer now = Http.get(app.url(location));
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        return now.json();
    }

    private static JsonNode awaitComplete(String id) {
        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(app.url("/api/runs/" + id)).json(), r -> !"RUNNING".equals(r.path("status").asText()));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETE");
        return run;
    }

    private static long storedEvents(String aggregateLike) {
        return app.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, aggregateLike);
    }
}
