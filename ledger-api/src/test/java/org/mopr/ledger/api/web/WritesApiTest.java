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
