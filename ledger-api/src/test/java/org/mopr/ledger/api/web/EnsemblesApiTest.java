package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ensembles over HTTP: started with the token, followed, and their bands of membership and aid as JSON and CSV. */
class EnsemblesApiTest {

    static {
        WebApp.get();
    }

    private static String ensemble() {
        return TestEnsembles.historical(4);
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

    @Test
    void readEndpointsAnswerBandsWithEnsembleKeepingEachItemsOrigin() {
        String id = ensemble();
        JsonNode aid = Http.get("/api/aid?ensemble=" + id + "&country=PL&period=year&from=1923&to=1925").json();
        assertThat(aid.path("summary").path("ensemble").asText()).isEqualTo(id);
        assertThat(aid.path("summary").path("totalsExact").asBoolean()).isTrue();
        assertThat(aid.has("run")).as("bands belong to no one run").isFalse();
        JsonNode y1924 = Http.find(aid.path("items"), "figure", "aid/PL/XRG/1924");
        assertThat(y1924.path("country").asText()).isEqualTo("PL");
        assertThat(y1924.path("period").asText()).isEqualTo("1924");
        assertThat(y1924.path("origin").asText()).isEqualTo("SIMULATED");
        assertThat(y1924.path("p50").path("currency").asText()).isEqualTo("XRG");
        assertThat(y1924.path("p5").path("minor").asLong()).isLessThanOrEqualTo(y1924.path("p95").path("minor").asLong());
        assertThat(aid.path("items").findValuesAsText("period")).isSubsetOf("1923", "1924", "1925");
        JsonNode same = Http.get("/api/ensembles/" + id + "/bands?figure=aid/PL/XRG/1924").json().path("items").get(0);
        assertThat(y1924.path("p50")).isEqualTo(same.path("p50"));

        List<List<String>> csv = CsvMoneyUnitsApiTest.read(Http.get("/api/aid?ensemble=" + id
                + "&country=PL&period=year&from=1923&to=1925&format=csv").body());
        assertThat(csv.get(0)).contains("figure", "origin", "country", "period", "p5.minor", "p50.minor", "p50.currency",
                "p50.exponent", "p95.minor", "min.minor", "max.minor");
        assertThat(csv).hasSize(aid.path("items").size() + 1);

        JsonNode dues = Http.get("/api/income?ensemble=" + id + "&section=SU&kind=dues&period=total").json().path("items");
        assertThat(dues.findValuesAsText("kind")).containsOnly("DUES");
        assertThat(dues.findValuesAsText("section")).containsOnly("SU");
        assertThat(dues.findValuesAsText("period")).containsOnly("total");

        JsonNode members = Http.get("/api/membership?ensemble=" + id + "&scope=all&from=1928&to=1931").json();
        JsonNode census = Http.find(members.path("items"), "figure", "membership/ALL/1928-01");
        assertThat(census.path("scope").asText()).isEqualTo("all");
        assertThat(census.path("p50").isNumber()).isTrue();
        JsonNode at = Http.get("/api/membership?ensemble=" + id + "&at=1928-02-15").json().path("items");
        assertThat(at).hasSize(1);
        assertThat(at.get(0).path("period").asText()).isLessThanOrEqualTo("1928-02");

        JsonNode flows = Http.get("/api/flows?ensemble=" + id + "&account=fund/&period=total").json().path("items");
        assertThat(flows.size()).isPositive();
        flows.forEach(f -> assertThat(List.of(f.path("fromAccount").asText(), f.path("toAccount").asText()))
                .anyMatch(a -> a.startsWith("fund/")));

        JsonNode end = Http.get("/api/balances?ensemble=" + id + "&account=fund/central").json();
        JsonNode xrg = Http.find(end.path("items"), "figure", "balance/fund:central/XRG");
        assertThat(xrg.path("account").asText()).isEqualTo("fund/central");
        assertThat(xrg.path("family").asText()).isEqualTo("balance");
        JsonNode june = Http.get("/api/balances?ensemble=" + id + "&at=1925-06-30&currency=XRG").json().path("items");
        assertThat(june.findValuesAsText("period")).containsOnly("1925-06");
        assertThat(Http.get("/api/ensembles/" + id + "/bands?figure=balance/fund:central/XRG/1925").json()
                .path("items").get(0).path("p50").path("currency").asText()).isEqualTo("XRG");
    }

    @Test
    void theRunCompareEndpointComparesTwoEnsemblesAsTheEnsembleCompareDoes() {
        String id = ensemble();
        JsonNode viaRuns = Http.get("/api/compare?a=" + id + "&b=" + id + "&figure=aid/PL").json();
        JsonNode viaEnsembles = Http.get("/api/ensembles/compare?a=" + id + "&b=" + id + "&figure=aid/PL").json();
        assertThat(viaRuns).isEqualTo(viaEnsembles);
        assertThat(viaRuns.path("summary").path("outsideBaseBand").asInt()).isZero();
        JsonNode total = Http.find(viaRuns.path("items"), "figure", "aid/PL/XRG");
        assertThat(total.path("differenceP50").path("minor").asLong()).isZero();
        assertThat(Http.get("/api/compare?a=" + id + "&b=" + WebApp.get().run()).problem(400, "bad-parameter"))
                .contains("a=" + id + " is an ensemble");
    }

    @Test
    void badEnsembleReadsAreProblems() {
        String id = ensemble();
        String run = WebApp.get().run();
        assertThat(Http.get("/api/aid?run=" + run + "&ensemble=" + id).problem(400, "bad-parameter"))
                .contains("run=" + run).contains("ensemble=" + id);
        Http.get("/api/income?ensemble=nobody-s1-x2").problem(404, "unknown-ensemble");
        Http.get("/api/membership?ensemble=nobody-s1-x2").problem(404, "unknown-ensemble");
        assertThat(Http.get("/api/income?ensemble=" + id + "&convert=XRG").problem(400, "bad-parameter"))
                .startsWith("convert does not apply with ensemble");
        Http.get("/api/flows?ensemble=" + id + "&from=1925&to=1923").problem(400, "bad-date");
        Http.get("/api/ensembles/compare?a=" + id + "&b=nobody-s1-x2").problem(404, "unknown-ensemble");
    }
}
