package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/membership, /api/sections, /api/patronage, /api/conferences and the timeline feeds. */
class MembershipAndOrganisationApiTest {

    static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.get();
    }

    @Test
    void membershipOnACensusDayIsTheCensus() {
        JsonNode m = Http.get("/api/membership?scope=all&at=1928-01-01").json();
        assertThat(m.path("members").asLong()).isEqualTo(8_900_000);
        assertThat(m.path("kind").asText()).isEqualTo("CENSUS");
        assertThat(m.path("origin").asText()).isEqualTo("DOCUMENTED");
        assertThat(m.path("statedSections").asInt()).isEqualTo(44);
        assertThat(m.path("globalIndex").asLong()).isPositive();
    }

    @Test
    void membershipBetweenCensusesIsMarkedInterpolated() {
        JsonNode m = Http.get("/api/membership?at=1929-06-15").json();
        assertThat(m.path("scope").asText()).isEqualTo("all");
        assertThat(m.path("kind").asText()).isEqualTo("INTERPOLATED");
        assertThat(m.path("members").asLong()).isBetween(8_305_454L, 8_900_000L);
        assertThat(m.path("asOf").asText()).isEqualTo("1929-06-01");
        JsonNode before = Http.get("/api/membership?at=1925-01-01").json();
        assertThat(before.has("members")).as("no source counts members before 1928").isFalse();
    }

    @Test
    void membershipAfterTheLastCensusIsAbsentUnlessCarriedForwardAndMarkedSo() {
        JsonNode after = Http.get("/api/membership?scope=all&at=1932-06-01").json();
        assertThat(after.has("members")).as("the sources say nothing after the census of 1 January 1931").isFalse();
        assertThat(after.has("kind")).isFalse();
        assertThat(after.path("lastCensus").asText()).isEqualTo("1931-01-01");
        JsonNode carried = Http.get("/api/membership?scope=all&at=1932-06-01&carry=forward").json();
        assertThat(carried.path("members").asLong()).isEqualTo(8_305_454);
        assertThat(carried.path("kind").asText()).isEqualTo("CARRIED_FORWARD");
        assertThat(carried.path("origin").asText()).isNotEqualTo("DOCUMENTED");
        assertThat(carried.path("carriedFrom").asText()).isEqualTo("1931-01-01");
        assertThat(Http.get("/api/membership?at=1932-06-01&carry=sideways").problem(400, "bad-parameter")).contains("carry");
        // On the census day itself the census is the census.
        assertThat(Http.get("/api/membership?scope=outside-ussr&at=1932-01-01").json().path("kind").asText()).isEqualTo("CENSUS");
    }

    @Test
    void membershipOverARangeByScope() {
        JsonNode outside = Http.get("/api/membership?scope=outside-ussr&from=1922&to=1932").json();
        assertThat(outside.path("items")).singleElement().satisfies(p -> {
            assertThat(p.path("date").asText()).isEqualTo("1932-01-01");
            assertThat(p.path("members").asLong()).isEqualTo(1_278_274);
            assertThat(p.path("kind").asText()).isEqualTo("CENSUS");
        });
        JsonNode all = Http.get("/api/membership?scope=all&from=1928&to=1928").json();
        assertThat(all.path("items")).hasSize(12);
        assertThat(Http.get("/api/membership?scope=section:SU&at=1930-01-01").json().has("members")).isFalse();
        Http.Answer csv = Http.get("/api/membership?from=1931&to=1931", "text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("date,scope,members,sections,kind,origin,globalIndex");
        assertThat(csv.body()).contains("1931-01-01,all,8305454,58,CENSUS,DOCUMENTED,");
    }

    @Test
    void membershipProblems() {
        assertThat(Http.get("/api/membership?scope=section:ZZ&at=1930-01-01").problem(404, "unknown-section")).contains("ZZ");
        Http.get("/api/membership?scope=everyone").problem(400, "bad-parameter");
        Http.get("/api/membership?at=1928-02-30").problem(400, "bad-date");
        Http.get("/api/membership?at=1928").problem(400, "bad-date");
        Http.get("/api/membership?at=1928-01-01&from=1927").problem(400, "bad-parameter");
        Http.get("/api/membership?run=no-such-run").problem(404, "unknown-run");
    }

    @Test
    void sectionsInExistenceOnADay() {
        JsonNode page = Http.get("/api/sections?at=1925-01-01").json();
        assertThat(page.path("summary").path("sections").asInt()).isEqualTo(14);
        assertThat(page.path("items")).hasSize(14);
        JsonNode bulgaria = Http.find(page.path("items"), "code", "BG");
        assertThat(bulgaria.path("country").asText()).isEqualTo("Bulgaria");
        assertThat(bulgaria.path("founded").path("text").asText()).isEqualTo("1923-09");
        assertThat(bulgaria.path("founded").path("precision").asText()).isEqualTo("MONTH");
        assertThat(bulgaria.path("placedOn").asText()).isEqualTo("1923-09-15");
        JsonNode every = Http.get("/api/sections?limit=1000").json();
        assertThat(every.path("items").size()).isGreaterThan(14);
        assertThat(Http.get("/api/sections?at=1925-01-01&format=csv").body()).contains("BG,Bulgaria,");
        Http.get("/api/sections?at=yesterday").problem(400, "bad-date");
    }

    @Test
    void patronageLinksActiveOnADay() {
        assertThat(Http.get("/api/patronage?at=1924-06-01&limit=1000").json().path("items")).hasSize(19);
        assertThat(Http.get("/api/patronage?at=1923-06-01").json().path("items")).isEmpty();
        JsonNode poland = Http.get("/api/patronage?country=PL").json().path("items");
        assertThat(poland).extracting(l -> l.path("cityName").asText()).containsExactlyInAnyOrder("Kiev", "Minsk", "Ryazan", "Ulyanovsk");
        assertThat(poland.get(0).path("period").path("text").asText()).isEqualTo("1923/1924");
        assertThat(Http.get("/api/patronage?country=PL", "text/csv").body()).contains("kiev,Kiev,PL,Poland,1923/1924,INTERVAL");
        Http.get("/api/patronage?country=poland!").problem(400, "bad-parameter");
        Http.get("/api/patronage?at=1924-13-01").problem(400, "bad-date");
    }

    @Test
    void conferencesWithDelegates() {
        JsonNode items = Http.get("/api/conferences").json().path("items");
        JsonNode first = Http.find(items, "key", "international-1924");
        assertThat(first.path("delegates").asLong()).isEqualTo(109);
        assertThat(first.path("datesAsWritten").asText()).isEqualTo("1924-07");
        assertThat(first.path("precision").asText()).isEqualTo("MONTH");
        assertThat(Http.get("/api/conferences?format=csv").body()).contains("international-1924");
        Http.get("/api/conferences?offset=x").problem(400, "bad-paging");
    }

    @Test
    void theTimelineStepsThroughYearsAndMonths() {
        JsonNode years = Http.get("/api/timeline?from=1922-12-31&to=1932-12-31&step=year").json().path("items");
        assertThat(years).hasSize(11);
        assertThat(years.get(0).path("date").asText()).isEqualTo("1922-12-31");
        assertThat(years.get(0).path("sections").asInt()).isEqualTo(2);
        assertThat(years.get(6).path("membersKind").asText()).isEqualTo("INTERPOLATED");
        // 31 December 1932 is after the last census of all MOPR (1 January 1931): no members, not a census.
        assertThat(years.get(10).path("members").isNull()).isTrue();
        assertThat(Http.get("/api/timeline?step=year").json().path("summary").path("lastCensus").asText()).isEqualTo("1931-01-01");
        int previous = 0;
        for (JsonNode y : years) {
            assertThat(y.path("sections").asInt()).isGreaterThanOrEqualTo(previous);
            previous = y.path("sections").asInt();
        }
        JsonNode months = Http.get("/api/timeline?from=1928-01-01&to=1928-12-01&step=month").json().path("items");
        assertThat(months).hasSize(12);
        assertThat(months.get(0).path("membersKind").asText()).isEqualTo("CENSUS");
        assertThat(Http.get("/api/timeline?format=csv&limit=2").body().lines()).hasSize(3);
        Http.get("/api/timeline?step=total").problem(400, "bad-parameter");
        Http.get("/api/timeline?from=1930&to=1920").problem(400, "bad-date");
    }

    @Test
    void happeningsCarryTheEventThatExplainsThem() {
        JsonNode conferences = Http.get("/api/timeline/happenings?kind=conference").json().path("items");
        // The X Congress of Soviets is a Soviet state body's, not a MOPR conference: five remain.
        assertThat(conferences).hasSize(5).allSatisfy(h -> assertThat(h.path("globalIndex").asLong()).isPositive());
        JsonNode of1924 = Http.get("/api/timeline/happenings?from=1924&to=1924&limit=1000").json().path("items");
        assertThat(of1924).extracting(h -> h.path("kind").asText()).contains("CONFERENCE", "PATRONAGE", "SECTION");
        Http.get("/api/timeline/happenings?kind=miracle").problem(400, "bad-parameter");
    }
}
