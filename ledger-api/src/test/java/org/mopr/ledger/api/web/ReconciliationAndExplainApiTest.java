package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/reconciliation, /api/compare and /api/explain: from a figure back to the passage it rests on. */
class ReconciliationAndExplainApiTest {

    static WebApp app;
    static Catalog catalog;

    @BeforeAll
    static void start() {
        app = WebApp.get();
        catalog = app.context.getBean(Catalog.class);
    }

    @Test
    void theReconciliationCountsEveryLineAndFiltersByStatus() {
        JsonNode page = Http.get("/api/reconciliation?limit=1000").json();
        JsonNode byStatus = page.path("summary").path("byStatus");
        int sum = 0;
        for (JsonNode n : byStatus) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(page.path("summary").path("lines").asInt()).isEqualTo(page.path("items").size());
        assertThat(byStatus.path("MATCH").asInt()).isPositive();
        JsonNode conflicts = Http.get("/api/reconciliation?status=conflict&limit=1000").json().path("items");
        assertThat(conflicts).hasSize(byStatus.path("CONFLICT").asInt()).allSatisfy(l -> {
            assertThat(l.path("status").asText()).isEqualTo("CONFLICT");
            assertThat(l.path("conflictsWith")).isNotEmpty();
            assertThat(l.path("citations").size()).isGreaterThan(1);
            assertThat(catalog.get(l.path("claimId").asText().split("/")[0]).quote()).isEqualTo(l.path("quote").asText());
        });
        JsonNode dates = Http.get("/api/reconciliation?check=date&limit=1000").json().path("items");
        assertThat(dates).isNotEmpty().allSatisfy(l -> assertThat(l.path("check").asText()).isEqualTo("DATE"));
    }

    @Test
    void theReconciliationAsCsv() {
        Http.Answer csv = Http.get("/api/reconciliation?status=match&limit=1000", "text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .startsWith("claimId,check,status,basis,computed,expected,actual,difference,relativeError,reason,source,quote,"
                        + "conflictsWith,citations");
        assertThat(csv.body()).contains("c001.ussr-aid-1923-usd,TOTAL,MATCH,CONSERVATION,MATCH,");
        assertThat(Http.get("/api/reconciliation?basis=independent&limit=1000").json().path("items"))
                .allSatisfy(l -> assertThat(l.path("basis").asText()).isEqualTo("INDEPENDENT"));
        assertThat(Http.get("/api/reconciliation?basis=circular").problem(400, "bad-parameter")).contains("basis");
        Http.get("/api/reconciliation?status=maybe").problem(400, "bad-parameter");
        Http.get("/api/reconciliation?run=no-such-run").problem(404, "unknown-run");
    }

    @Test
    void comparingHalfTheDuesWithTheRecordBreaksTheMoneyClaims() {
        String b = app.halfDues().runId().value();
        JsonNode c = Http.get("/api/compare?a=" + app.run() + "&b=" + b + "&limit=1000").json();
        assertThat(c.path("summary").path("figuresChanged").asInt()).isPositive().isEqualTo(c.path("items").size());
        JsonNode dollars = Http.find(c.path("summary").path("reconciliationChanges"), "claimId",
                "c001.ussr-aid-1923-usd");
        assertThat(dollars.path("statusA").asText()).isEqualTo("MATCH");
        assertThat(dollars.path("statusB").asText()).isEqualTo("MISMATCH");
        JsonNode aid = Http.find(c.path("items"), "figure", "aid/PL/USD");
        assertThat(Long.parseLong(aid.path("difference").asText())).isNegative();
        JsonNode same = Http.get("/api/compare?a=" + app.run() + "&b=" + app.run()).json();
        assertThat(same.path("summary").path("figuresChanged").asInt()).isZero();
        assertThat(same.path("summary").path("reconciliationChanges")).isEmpty();
        assertThat(Http.get("/api/compare?a=" + app.run() + "&b=" + b + "&format=csv").body())
                .startsWith("figure,a,b,difference").contains("aid/PL/USD,");
    }

    @Test
    void compareProblems() {
        assertThat(Http.get("/api/compare?a=" + app.run()).problem(400, "bad-parameter")).contains("b");
        Http.get("/api/compare?a=" + app.run() + "&b=no-such-run").problem(404, "unknown-run");
        Http.get("/api/compare?a=" + app.run() + "&b=" + app.run() + "&limit=0").problem(400, "bad-paging");
    }

    @Test
    void incomeOfAMonthRestsOnTheDollarPassage() {
        JsonNode e = Http.get("/api/explain?figure=income&section=SU&kind=dues&month=1923-03&currency=USD").json();
        assertThat(e.path("figure").asText()).isEqualTo("income");
        assertThat(e.path("events")).singleElement().satisfies(ev -> {
            assertThat(ev.path("eventType").asText()).isEqualTo("DuesCollected");
            assertThat(ev.path("amount").path("currency").asText()).isEqualTo("USD");
        });
        assertThat(e.path("parts").get(0).path("origin").asText()).isEqualTo("SIMULATED");
        JsonNode claim = Http.find(e.path("claims"), "id", "c001.ussr-aid-1923-usd");
        assertThat(claim.path("quote").asText()).contains("$ 48,265");
        assertThat(claim.path("source").asText()).isEqualTo(catalog.get("c001.ussr-aid-1923-usd").source());
    }

    @Test
    void theMembershipOf1928RestsOnStasovasCensus() {
        JsonNode e = Http.get("/api/explain?figure=membership&scope=all&at=1928-01-01").json();
        assertThat(e.path("description").asText()).contains("8900000");
        assertThat(e.path("claims")).anySatisfy(c -> assertThat(c.path("quote").asText()).contains("8,900,000"));
        assertThat(Http.get("/api/explain?figure=membership&at=1925-01-01").problem(404, "no-figure")).contains("1925-01-01");
        Http.get("/api/explain?figure=membership&scope=section:SU&at=1930-01-01").problem(404, "no-figure");
        Http.get("/api/explain?figure=membership&scope=section:ZZ&at=1930-01-01").problem(404, "unknown-section");
    }

    @Test
    void sectionsFlowsBalancesAndEventsAreExplained() {
        JsonNode sections = Http.get("/api/explain?figure=sections&at=1924-01-01").json();
        assertThat(sections.path("events")).hasSize(9)
                .allSatisfy(ev -> assertThat(ev.path("eventType").asText()).isEqualTo("SectionFounded"));
        JsonNode flow = Http.get("/api/explain?figure=flow&source=section/SU/fund&target=clearing/central&from=1922-12"
                + "&to=1924-07&currency=XRG").json();
        assertThat(flow.path("parts")).singleElement().satisfies(p ->
                assertThat(p.path("amount").path("decimal").asText()).isEqualTo("345848.70"));
        JsonNode toAid = Http.get("/api/explain?figure=flow&source=fund/&target=aid/&from=1922-12&to=1932-12&limit=5").json();
        assertThat(toAid.path("events")).hasSize(5);
        assertThat(toAid.path("hasMore").asBoolean()).isTrue();
        JsonNode balance = Http.get("/api/explain?figure=balance&account=aid/PL/unspecified&currency=FRF&at=1923-12-31").json();
        assertThat(balance.path("events")).hasSize(9);
        long index = sections.path("events").get(0).path("globalIndex").asLong();
        JsonNode event = Http.get("/api/explain?figure=event&index=" + index).json();
        assertThat(event.path("claims")).isNotEmpty();
        Http.Answer csv = Http.get("/api/explain?figure=sections&at=1924-01-01&format=csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("globalIndex,eventType,aggregateId");
        assertThat(csv.body().lines()).hasSize(10);
    }

    @Test
    void explainProblems() {
        Http.get("/api/explain").problem(400, "bad-parameter");
        Http.get("/api/explain?figure=gossip").problem(400, "bad-parameter");
        Http.get("/api/explain?figure=income&section=SU&month=1923-03").problem(400, "bad-currency");
        Http.get("/api/explain?figure=income&section=SU&month=1923-03&currency=EUR").problem(400, "bad-currency");
        Http.get("/api/explain?figure=income&section=ZZ&month=1923-03&currency=USD").problem(404, "unknown-section");
        Http.get("/api/explain?figure=income&section=SU&month=March&currency=USD").problem(400, "bad-date");
        Http.get("/api/explain?figure=balance&account=fund/central&currency=USD&at=1924").problem(400, "bad-date");
        Http.get("/api/explain?figure=event&index=999999999").problem(404, "no-figure");
        Http.get("/api/explain?figure=event&index=first").problem(400, "bad-parameter");
        assertThat(Http.get("/api/explain?figure=flow&source=fund/&target=aid%25&from=1923&to=1924").json()
                .path("events")).as("a wildcard is a character of an account name, not a pattern").isEmpty();
        Http.get("/api/explain?figure=flow&source=fund/&target=aid/&from=1923").problem(400, "bad-parameter");
        Http.get("/api/explain?figure=sections&at=1924-01-01&run=no-such-run").problem(404, "unknown-run");
    }
}
