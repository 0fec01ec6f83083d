package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/runs and DELETE /api/runs/{id}: the bearer token, the limits, and what a deletion keeps. */
class WritesApiTest {

    static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.get();
    }

    @Test
    void writesWithoutTheTokenAreRefused() {
        Http.Answer none = Http.post("/api/runs", "{\"scenario\":\"half-dues\"}", null);
        none.problem(401, "unauthorized");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        Http.post("/api/runs", "{\"scenario\":\"half-dues\"}", "wrong-" + WebApp.TOKEN).problem(401, "unauthorized");
        Http.delete("/api/runs/" + app.run(), null).problem(401, "unauthorized");
        Http.delete("/api/runs/" + app.run(), "not-the-token").problem(401, "unauthorized");
        assertThat(Http.get("/api/runs/" + app.run()).json().path("status").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void aRunCanOnlyBeAShippedScenario() {
        assertThat(Http.post("/api/runs", "{\"scenario\":\"/etc/passwd\"}", WebApp.TOKEN).problem(400, "bad-parameter"))
                .contains("shipped");
        Http.post("/api/runs", "{\"scenario\":\"\"}", WebApp.TOKEN).problem(400, "bad-parameter");
        Http.post("/api/runs", "{\"seed\":1}", WebApp.TOKEN).problem(400, "bad-parameter");
        Http.post("/api/runs", "not json", WebApp.TOKEN).problem(400, "bad-parameter");
        Http.send(Http.request("/api/runs").header("Authorization", "Bearer " + WebApp.TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("historical")).build())
                .problem(415, "unsupported-media-type");
        Http.send(Http.request("/api/runs/" + app.run()).header("Authorization", "Bearer " + WebApp.TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).problem(405, "method-not-allowed");
    }

    @Test
    void anUnknownFieldInTheBodyIsRefusedNamingItAndNothingRuns() {
        // A misspelt seed ("sede") would otherwise run the scenario's own seed as if nothing were wrong. The browser
        // test may have run this scenario already in the shared app, so nothing new must appear.
        int before = Http.get("/api/runs?scenario=affiliates-62").json().path("items").size();
        assertThat(Http.post("/api/runs", "{\"scenario\":\"affiliates-62\",\"sede\":7}", WebApp.TOKEN)
                .problem(400, "bad-parameter")).isEqualTo("unknown field 'sede' in the body; known fields: scenario, seed");
        assertThat(Http.post("/api/runs", "{\"scenario\":\"affiliates-62\",\"seed\":7,\"options\":{\"fast\":true}}",
                WebApp.TOKEN).problem(400, "bad-parameter")).startsWith("unknown field 'options' in the body");
        assertThat(Http.get("/api/runs?scenario=affiliates-62").json().path("items")).as("nothing ran").hasSize(before);
    }

    @Test
    void bodiesAreBounded() {
        String big = "{\"scenario\":\"half-dues\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        Http.post("/api/runs", big, WebApp.TOKEN).problem(413, "too-large");
        byte[] body = "{\"scenario\":\"half-dues\"}".getBytes();
        // A body of unknown length (chunked) would have to be read to its end to be measured.
        Http.send(Http.request("/api/runs").header("Authorization", "Bearer " + WebApp.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build())
                .problem(411, "length-required");
        Http.get("/api/catalog?subject=" + "x".repeat(3_000)).problem(414, "too-large");
    }

    @Test
    void aRunStartedThroughTheApiCanBeDeletedAndItsEventsStay() {
        Http.Answer started = Http.post("/api/runs", "{\"scenario\":\"ban-italy-1923\"}", WebApp.TOKEN);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode run = started.json().path("run");
        String id = run.path("runId").asText();
        assertThat(started.raw().headers().firstValue("Location")).hasValue("/api/runs/" + id);
        assertThat(run.path("status").asText()).isEqualTo("COMPLETE");
        long events = run.path("events").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> app.jdbc.queryForObject(
                "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, id) == events);
        assertThat(Http.get("/api/income?run=" + id).status()).isEqualTo(200);

        JsonNode deleted = Http.delete("/api/runs/" + id, WebApp.TOKEN).json();
        assertThat(deleted.path("status").asText()).isEqualTo("DELETED");
        assertThat(deleted.path("eventsKept").asLong()).isEqualTo(events);
        assertThat(deleted.path("note").asText()).contains("events stay in the event store");
        assertThat(app.jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, id)).isZero();
        assertThat(app.jdbc.queryForObject("SELECT count(*) FROM proj_section WHERE run_id = ?", Long.class, id)).isZero();
        assertThat(app.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, id + "/%")).isEqualTo(events);

        assertThat(Http.get("/api/income?run=" + id).problem(404, "unknown-run")).contains("deleted");
        Http.delete("/api/runs/" + id, WebApp.TOKEN).problem(404, "unknown-run");
        JsonNode listed = Http.find(Http.get("/api/runs?scenario=ban-italy-1923").json().path("items"), "runId", id);
        assertThat(listed.path("status").asText()).isEqualTo("DELETED");
        assertThat(Http.get("/api/runs").json().path("summary").path("defaultRun").asText()).isEqualTo(app.run());
    }

    /**
     * A deleted run keeps its registry row (FAILED, with the deletion as its reason) because its events stay in the
     * store under its id: reads refuse it, lists show it DELETED, and a new run of the same scenario and seed is
     * given the next id rather than the deleted one's, so the two runs' events never mix.
     */
    @Test
    void aDeletedRunKeepsItsIdAndARunOfTheSameScenarioAndSeedStartsUnderTheNext() {
        String request = "{\"scenario\":\"dollar-at-2-rubles\",\"seed\":31}";
        Http.Answer started = Http.post("/api/runs", request, WebApp.TOKEN);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode run = started.json().path("run");
        String id = run.path("runId").asText();
        assertThat(id).isEqualTo("dollar-at-2-rubles-s31");
        long events = run.path("events").asLong();
        String fingerprint = run.path("fingerprint").asText();
        awaitProjected(id, events);
        assertThat(Http.delete("/api/runs/" + id, WebApp.TOKEN).json().path("status").asText()).isEqualTo("DELETED");

        assertThat(Http.get("/api/runs/" + id).problem(404, "unknown-run"))
                .contains("was deleted").contains(RunViews.DELETED_MARK).contains("events stay in the event store");
        JsonNode listed = Http.find(Http.get("/api/runs?limit=1000").json().path("items"), "runId", id);
        assertThat(listed.path("status").asText()).isEqualTo("DELETED");
        assertThat(listed.path("failure").asText()).startsWith(RunViews.DELETED_MARK);
        assertThat(listed.path("events").asLong()).isEqualTo(events);
        assertThat(listed.path("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(Http.get("/api/runs?format=csv&scenario=dollar-at-2-rubles").body()).contains(id + ",dollar-at-2-rubles,31,DELETED,");
        assertThat(app.jdbc.queryForObject("SELECT status FROM ledger_run WHERE run_id = ?", String.class, id)).isEqualTo("FAILED");

        Http.Answer again = Http.post("/api/runs", request, WebApp.TOKEN);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonNode rerun = again.json().path("run");
        String next = rerun.path("runId").asText();
        assertThat(next).isEqualTo(id + "-2");
        assertThat(rerun.path("status").asText()).isEqualTo("COMPLETE");
        // The same scenario and seed give the same events; the deleted run's, still stored, are not counted in.
        assertThat(rerun.path("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(rerun.path("events").asLong()).isEqualTo(events);
        assertThat(storedEvents(id + "/%")).isEqualTo(events);
        assertThat(storedEvents(next + "/%")).isEqualTo(events);
        awaitProjected(next, events);
        assertThat(app.jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, id))
                .as("the deleted run's projection rows stay deleted").isZero();
        assertThat(Http.get("/api/income?run=" + next).status()).isEqualTo(200);
        Http.get("/api/income?run=" + id).problem(404, "unknown-run");
    }

    private static void awaitProjected(String run, long events) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> app.jdbc.queryForObject(
                "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run) == events);
    }

    private static long storedEvents(String aggregateLike) {
        return app.jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, aggregateLike);
    }

    @Test
    void theTokenNeverReachesTheOutputOrAResponse() {
        Http.Answer wrong = Http.post("/api/runs", "{\"scenario\":\"half-dues\"}", WebApp.TOKEN + "x");
        assertThat(wrong.body()).doesNotContain(WebApp.TOKEN);
        Http.Answer bad = Http.post("/api/runs", "{\"scenario\":\"nope\"}", WebApp.TOKEN);
        assertThat(bad.body()).doesNotContain(WebApp.TOKEN);
        assertThat(Http.get("/actuator/env").status()).as("the environment (with the token) is not exposed").isEqualTo(404);
        assertThat(WebApp.output()).contains("Tomcat started").doesNotContain(WebApp.TOKEN);
    }
}
