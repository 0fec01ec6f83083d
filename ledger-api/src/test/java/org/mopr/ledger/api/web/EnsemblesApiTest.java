package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ensembles over HTTP: started with the token, followed, and their bands of membership and aid as JSON and CSV. */
class EnsemblesApiTest {

    static {
        WebApp.get();
    }

    private static String ensemble;

    private static synchronized String ensemble() {
        if (ensemble == null) {
            Http.Answer started = Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":4,\"vary\":\"seed,placement\"}",
                    WebApp.TOKEN);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            ensemble = started.json().path("ensembleId").asText();
            assertThat(started.raw().headers().firstValue("Location")).contains("/api/ensembles/" + ensemble);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Http.get("/api/ensembles/" + ensemble).json().path("ensemble").path("status").asText().equals("COMPLETE"));
        }
        return ensemble;
    }

    @Test
    void anEnsembleIsListedWithItsMembersItsExactTotalsAndItsReconciliationShares() {
        String id = ensemble();
        assertThat(id).isEqualTo("historical-s1922-x4");
        JsonNode one = Http.get("/api/ensembles/" + id).json();
        assertThat(one.path("ensemble").path("membersDone").asInt()).isEqualTo(4);
        assertThat(one.path("ensemble").path("totalsExact").asBoolean()).isTrue();
        assertThat(one.path("members")).hasSize(4);
        assertThat(one.path("reconciliation").get(0).path("basis").asText()).isNotBlank();
        assertThat(Http.get("/api/ensembles").json().path("items").findValuesAsText("ensembleId")).contains(id);
    }

    @Test
    void aidBandsAreMoneyWithTheirUnitAndSayTheyAreModelled() {
        JsonNode items = Http.get("/api/ensembles/" + ensemble() + "/bands?figure=aid/PL/XRG").json().path("items");
        JsonNode total = Http.find(items, "figure", "aid/PL/XRG");
        assertThat(total.path("origin").asText()).isEqualTo("SIMULATED");
        assertThat(total.path("modelled").asBoolean()).isTrue();
        assertThat(total.path("p50").path("currency").asText()).isEqualTo("XRG");
        assertThat(total.path("p50").path("exponent").asInt()).isEqualTo(2);
        assertThat(total.path("p5").path("minor").asLong()).isLessThanOrEqualTo(total.path("p95").path("minor").asLong());
        assertThat(total.path("min").path("minor").asLong()).isLessThan(total.path("max").path("minor").asLong());

        Http.Answer csv = Http.get("/api/ensembles/" + ensemble() + "/bands?figure=aid/PL/XRG&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> rows = CsvMoneyUnitsApiTest.read(csv.body());
        List<String> header = rows.get(0);
        assertThat(header).contains("figure", "origin", "modelled", "p50.minor", "p50.currency", "p50.exponent",
                "p5.minor", "p95.minor");
        List<String> row = rows.stream().filter(r -> r.get(header.indexOf("figure")).equals("aid/PL/XRG")).findFirst().orElseThrow();
        assertThat(row.get(header.indexOf("p50.minor"))).isEqualTo(total.path("p50").path("minor").asText());
        assertThat(row.get(header.indexOf("p50.currency"))).isEqualTo("XRG");
    }

    @Test
    void membershipBandsAreCountsAsJsonAndCsv() {
        JsonNode items = Http.get("/api/ensembles/" + ensemble() + "/bands?figure=membership/ALL&limit=1000").json().path("items");
        assertThat(items.size()).isGreaterThan(12);
        JsonNode census = Http.find(items, "figure", "membership/ALL/1928-01");
        assertThat(census.path("unit").asText()).isEqualTo("members");
        assertThat(census.path("p50").isNumber()).isTrue();
        Http.Answer csv = Http.get("/api/ensembles/" + ensemble() + "/bands?figure=membership/ALL&format=csv&limit=1000");
        List<List<String>> rows = CsvMoneyUnitsApiTest.read(csv.body());
        assertThat(rows.get(0)).contains("figure", "unit", "p5", "p50", "p95", "min", "max", "origin");
        assertThat(rows).hasSize(items.size() + 1);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() {
        int before = WebApp.get().jdbc.queryForObject("SELECT count(*) FROM ensemble", Integer.class);
        assertThat(Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":0}", WebApp.TOKEN)
                .problem(400, "bad-parameter")).isEqualTo("--members must be 2..1,000, got 0");
        assertThat(Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":100000}", WebApp.TOKEN)
                .problem(400, "bad-parameter")).isEqualTo("--members must be 2..1,000, got 100000");
        assertThat(Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":5,\"vary\":\"moon\"}", WebApp.TOKEN)
                .problem(400, "bad-parameter")).startsWith("unknown --vary word 'moon'");
        assertThat(Http.post("/api/ensembles", "{\"scenario\":\"historical\",\"members\":5}", null).status()).isEqualTo(401);
        assertThat(WebApp.get().jdbc.queryForObject("SELECT count(*) FROM ensemble", Integer.class)).isEqualTo(before);
        Http.get("/api/ensembles/nobody-s1-x2").problem(404, "unknown-ensemble");
        Http.get("/api/ensembles/" + ensemble() + "/bands").problem(400, "bad-parameter");
        Http.get("/api/ensembles/" + ensemble() + "/bands?figure=weather").problem(404, "no-figure");
    }
}
