package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems outside any one endpoint (unknown paths, media types), and the OpenAPI description with Swagger UI. */
class ProblemsAndDocsApiTest {

    @BeforeAll
    static void start() {
        WebApp.get();
    }

    @Test
    void unknownPathsAndMediaTypesAreProblems() {
        Http.get("/api/no-such-endpoint").problem(404, "not-found");
        Http.get("/api/runs", "application/xml").problem(406, "not-acceptable");
        // A problem stays JSON when CSV was asked for: a spreadsheet would otherwise swallow the error as data.
        Http.get("/api/income?run=no-such-run", "text/csv").problem(404, "unknown-run");
        Http.get("/api/income?run=no-such-run&format=csv").problem(404, "unknown-run");
        assertThat(Http.get("/api/runs?format=xml").status()).isEqualTo(406);
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpoint() {
        JsonNode docs = Http.get("/v3/api-docs").json();
        assertThat(docs.path("info").path("title").asText()).isEqualTo("mopr-ledger API");
        List<String> paths = List.of("/api/runs", "/api/runs/{id}", "/api/catalog", "/api/catalog/{id}", "/api/membership",
                "/api/sections", "/api/income", "/api/aid", "/api/flows", "/api/balances", "/api/trial-balance",
                "/api/patronage", "/api/conferences", "/api/timeline", "/api/timeline/happenings", "/api/reconciliation",
                "/api/compare", "/api/explain");
        assertThat(paths).allSatisfy(p -> assertThat(docs.path("paths").has(p)).as(p).isTrue());
        assertThat(docs.path("paths").path("/api/runs").path("post").path("security").toString()).contains("bearer-token");
        assertThat(docs.path("components").path("securitySchemes").path("bearer-token").path("scheme").asText()).isEqualTo("bearer");
        Http.Answer ui = Http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(Http.get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void thePageAndItsChartLibraryAreServedFromTheJar() {
        Http.Answer page = Http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("webjars/echarts/5.1.2/echarts.min.js").doesNotContain("https://");
        assertThat(Http.get("/webjars/echarts/5.1.2/echarts.min.js").status()).isEqualTo(200);
        assertThat(List.of("/css/page.css", "/js/api.js", "/js/charts.js", "/js/citation.js", "/js/page.js"))
                .allSatisfy(p -> assertThat(Http.get(p).status()).as(p).isEqualTo(200));
    }
}
