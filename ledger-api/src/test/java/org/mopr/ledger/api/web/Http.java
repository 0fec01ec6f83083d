package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the API tests: plain requests, the answer's status, headers and body. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer, with its body read as JSON where it is JSON. */
    public record Answer(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** Asserts an RFC 9457 problem of the given status and type slug, and returns its detail. */
        public String problem(int expectedStatus, String slug) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode p = json();
            assertThat(p.path("type").asText()).isEqualTo(ApiProblem.TYPE_PREFIX + slug);
            assertThat(p.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(p.path("title").asText()).isNotBlank();
            assertThat(p.path("detail").asText()).isNotBlank();
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
            return p.path("detail").asText();
        }
    }

    private Http() {
    }

    public static Answer get(String path) {
        return send(request(path).GET().build());
    }

    public static Answer get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    public static Answer post(String path, String json, String token) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    public static Answer delete(String path, String token) {
        HttpRequest.Builder b = request(path).DELETE();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** The item of a JSON list whose field has the value; fails naming what it looked for. */
    public static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + items);
    }

    /** A path of the shared {@link WebApp}, or an absolute URL (an app a test class starts on its own store). */
    public static HttpRequest.Builder request(String path) {
        URI uri = URI.create(path.startsWith("http://") ? path : WebApp.get().baseUrl + path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(180));
    }

    public static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
