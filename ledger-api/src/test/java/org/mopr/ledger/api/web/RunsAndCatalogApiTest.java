package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/runs and /api/catalog: lists, filters, CSV, and their problems. */
class RunsAndCatalogApiTest {

    static WebApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() {
        app = WebApp.get();
        catalog = app.context.getBean(Catalog.class);
    }

    @Test
    void runsListTheHistoricalRunAsTheDefault() {
        JsonNode page = Http.get("/api/runs").json();
        assertThat(page.path("summary").path("defaultRun").asText()).isEqualTo(app.run());
        JsonNode run = Http.find(page.path("items"), "runId", app.run());
        assertThat(run.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(run.path("events").asLong()).isEqualTo(app.historical.events());
        assertThat(run.path("fingerprint").asText()).isEqualTo(app.historical.fingerprint());
        assertThat(run.path("startedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(Http.get("/api/runs/" + app.run()).json().path("scenario").asText()).isEqualTo("historical");
        assertThat(Http.get("/api/runs?scenario=no-such-scenario").json().path("items")).isEmpty();
    }

    @Test
    void runsAsCsv() {
        Http.Answer csv = Http.get("/api/runs", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("runId,scenario,seed,status,events");
        assertThat(csv.body()).contains(app.run() + ",historical,1922,COMPLETE," + app.historical.events());
    }

    @Test
    void unknownRunsAndBadPagingAreProblems() {
        assertThat(Http.get("/api/runs/no-such-run").problem(404, "unknown-run")).contains("no-such-run");
        Http.get("/api/runs/Not%20An%20Id").problem(404, "unknown-run");
        assertThat(Http.get("/api/runs?limit=0").problem(400, "bad-paging")).contains("limit");
        assertThat(Http.get("/api/runs?limit=1001").problem(400, "bad-paging")).contains("1000");
        assertThat(Http.get("/api/runs?offset=-1").problem(400, "bad-paging")).contains("offset");
        assertThat(Http.get("/api/runs?offset=1000001").problem(400, "bad-paging")).contains("offset");
        Http.get("/api/runs?limit=ten").problem(400, "bad-paging");
    }

    @Test
    void theCatalogPagesThroughEveryClaim() {
        JsonNode first = Http.get("/api/catalog?limit=50").json();
        assertThat(first.path("summary").path("claims").asInt()).isEqualTo(catalog.size());
        assertThat(first.path("items")).hasSize(50);
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        JsonNode last = Http.get("/api/catalog?limit=50&offset=" + (catalog.size() - 1)).json();
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.path("hasMore").asBoolean()).isFalse();
        assertThat(last.path("items").get(0).path("id").asText()).isEqualTo(catalog.claims().get(catalog.size() - 1).id());
    }

    @Test
    void theCatalogFiltersBySubjectKindAndSource() {
        JsonNode poland = Http.get("/api/catalog?subject=section:PL&limit=1000").json().path("items");
        assertThat(poland).isNotEmpty().allSatisfy(c -> assertThat(c.path("subject").asText()).isEqualTo("section:PL"));
        JsonNode money = Http.get("/api/catalog?kind=money&limit=1000").json().path("items");
        assertThat(money).hasSize(catalog.byKind(org.mopr.ledger.catalog.ClaimKind.MONEY).size())
                .allSatisfy(c -> assertThat(c.path("money").path("currency").asText()).isNotEmpty());
        String seed = catalog.claims().get(0).source();
        JsonNode bySource = Http.get("/api/catalog?source=" + seed + "&limit=1000").json();
        assertThat(bySource.path("summary").path("claims").asInt()).isEqualTo(catalog.bySource(seed).size());
    }

    @Test
    void aClaimComesWithItsPassageAndItsConflicts() {
        Claim disputed = catalog.claims().stream().filter(c -> !c.conflictsWith().isEmpty()).findFirst().orElseThrow();
        JsonNode body = Http.get("/api/catalog/" + disputed.id()).json();
        assertThat(body.path("claim").path("quote").asText()).isEqualTo(disputed.quote());
        assertThat(body.path("claim").path("source").asText()).isEqualTo(disputed.source());
        assertThat(body.path("claim").path("date").path("precision").asText()).isEqualTo(disputed.precision().name());
        assertThat(body.path("conflicts")).hasSize(disputed.conflictsWith().size());
        Claim dollars = catalog.get("c001.ussr-aid-1923-usd");
        JsonNode m = Http.get("/api/catalog/" + dollars.id()).json().path("claim").path("money");
        assertThat(m.path("minor").asLong()).isEqualTo(4_826_500);
        assertThat(m.path("currency").asText()).isEqualTo("USD");
        assertThat(m.path("decimal").asText()).isEqualTo("48265.00");
    }

    @Test
    void theCatalogAsCsvQuotesPassagesAsRfc4180() {
        Http.Answer csv = Http.get("/api/catalog?format=csv&kind=money&limit=1000");
        assertThat(csv.contentType()).startsWith("text/csv");
        String header = csv.body().lines().findFirst().orElseThrow();
        assertThat(header).contains("id,subject,kind,statement,value").contains("money.minor", "money.decimal", "quote");
        assertThat(csv.body()).contains("c001.ussr-aid-1923-usd,section:SU,MONEY,");
        // A passage with a comma is quoted, and its quotes doubled.
        assertThat(csv.body()).contains("\"From March to November 1923, the workers of the U.S.S.R. sent $ 48,265 and "
                + "3,000 francs to aid the prisoners of bourgeois prisons\"");
        assertThat(Http.get("/api/catalog/c001.ussr-aid-1923-usd", "text/csv").body()).contains("claim.quote");
    }

    @Test
    void badCatalogFiltersAndUnknownClaimsAreProblems() {
        Http.get("/api/catalog?subject=planet:Mars").problem(400, "bad-parameter");
        Http.get("/api/catalog?kind=rumour").problem(400, "bad-parameter");
        assertThat(Http.get("/api/catalog?source=999_nothing.txt").problem(400, "bad-parameter")).contains("999_nothing.txt");
        assertThat(Http.get("/api/catalog/c999.no-such-claim").problem(404, "unknown-claim")).contains("c999.no-such-claim");
        Http.get("/api/catalog?limit=5000").problem(400, "bad-paging");
    }
}
