package org.mopr.ledger.api.web.cache;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.web.Http;
import org.mopr.ledger.api.web.WebApp;
import org.mopr.ledger.projection.engine.Projector;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The read cache in front of the API, on the shared web application with its historical run. */
class ReadCacheApiTest {

    private static final String FLOWS = "/api/flows?period=year";

    static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.get();
    }

    @BeforeEach
    void emptyCache() {
        app.context.getBean(ReadCache.class).invalidate();
    }

    private static String cache(Http.Answer answer) {
        return answer.raw().headers().firstValue(ReadCacheFilter.HEADER).orElse("none");
    }

    @Test
    void aRepeatedQuestionGetsTheSameBytesFromTheCache() {
        Http.Answer first = Http.get(FLOWS);
        Http.Answer second = Http.get(FLOWS);
        assertThat(first.status()).isEqualTo(200);
        assertThat(cache(first)).isEqualTo("miss");
        assertThat(cache(second)).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.json().path("items").size()).isPositive();
    }

    @Test
    void csvAndJsonAreKeptApart() {
        Http.get(FLOWS);
        Http.Answer csv = Http.get(FLOWS, "text/csv");
        assertThat(cache(csv)).isEqualTo("miss");
        assertThat(csv.contentType()).startsWith("text/csv");
        Http.Answer again = Http.get(FLOWS, "text/csv");
        assertThat(cache(again)).isEqualTo("hit");
        assertThat(again.contentType()).startsWith("text/csv");
        assertThat(again.body()).isEqualTo(csv.body()).doesNotStartWith("{");
    }

    @Test
    void problemsAreNeverKept() {
        Http.Answer first = Http.get("/api/flows?period=fortnight");
        Http.Answer second = Http.get("/api/flows?period=fortnight");
        first.problem(400, "bad-parameter");
        second.problem(400, "bad-parameter");
        assertThat(cache(second)).isEqualTo("miss");
    }

    @Test
    void runsAreNotCached() {
        assertThat(cache(Http.get("/api/runs"))).isEqualTo("none");
        assertThat(cache(Http.get("/api/runs/" + app.run()))).isEqualTo("none");
    }

    @Test
    void projectedRowsDropKeptAnswersOnlyOnceTheirTransactionCommits() {
        Http.get(FLOWS);
        Projector projector = app.context.getBean(Projector.class);
        new TransactionTemplate(app.context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
            projector.apply(List.of());
            assertThat(cache(Http.get(FLOWS))).as("before the commit the kept answer is still right").isEqualTo("hit");
        });
        assertThat(cache(Http.get(FLOWS))).as("after the commit").isEqualTo("miss");
        assertThat(cache(Http.get(FLOWS))).isEqualTo("hit");
    }

    @Test
    void identicalQuestionsAtOnceAskTheDatabaseOnce() {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(client.sendAsync(Http.request(FLOWS).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();
        assertThat(done).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(done.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(done.stream().filter(r -> r.headers().firstValue(ReadCacheFilter.HEADER).orElse("").equals("miss")))
                .hasSize(1);
    }
}
