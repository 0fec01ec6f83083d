package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/income, /api/aid, /api/flows, /api/balances, /api/trial-balance against the historical run's documented sums. */
class MoneyApiTest {

    static WebApp app;

    @BeforeAll
    static void start() {
        app = WebApp.get();
    }

    @Test
    void sovietDuesInDollarsSumToTheDocumented48265() {
        JsonNode page = Http.get("/api/income?section=SU&kind=dues&currency=USD&period=total&from=1923&to=1923").json();
        assertThat(page.path("run").asText()).isEqualTo(app.run());
        assertThat(page.path("items")).hasSize(1);
        JsonNode row = page.path("items").get(0);
        assertThat(row.path("amount").path("minor").asLong()).isEqualTo(4_826_500);
        assertThat(row.path("amount").path("decimal").asText()).isEqualTo("48265.00");
        assertThat(row.path("period").path("text").asText()).isEqualTo("1923-01/1923-12");
        assertThat(row.path("period").path("precision").asText()).isEqualTo("INTERVAL");
        assertThat(row.path("entries").asLong()).isEqualTo(9);
        assertThat(row.path("country").asText()).isEqualTo("USSR");
    }

    @Test
    void incomeByMonthAndYearKeepsCurrenciesApart() {
        JsonNode months = Http.get("/api/income?period=month&limit=1000").json().path("items");
        assertThat(months).isNotEmpty().allSatisfy(r -> assertThat(r.path("period").path("text").asText()).matches("\\d{4}-\\d{2}"));
        JsonNode years = Http.get("/api/income?period=year&from=1923&to=1923").json().path("items");
        assertThat(years).extracting(r -> r.path("amount").path("currency").asText()).containsExactlyInAnyOrder("FRF", "USD", "XRG");
        assertThat(years).allSatisfy(r -> assertThat(r.path("period").path("text").asText()).isEqualTo("1923"));
        JsonNode onlyFrancs = Http.get("/api/income?currency=FRF&period=month&limit=1000").json().path("items");
        assertThat(onlyFrancs).hasSize(9).allSatisfy(r -> assertThat(r.path("amount").path("currency").asText()).isEqualTo("FRF"));
        JsonNode paged = Http.get("/api/income?currency=FRF&period=month&limit=4&offset=8").json();
        assertThat(paged.path("items")).hasSize(1);
        assertThat(paged.path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aConversionStandsBesideTheNativeAmountWithItsRate() {
        JsonNode row = Http.get("/api/income?section=SU&currency=USD&period=total&convert=XRG").json().path("items").get(0);
        assertThat(row.path("amount").path("currency").asText()).isEqualTo("USD");
        JsonNode converted = row.path("converted");
        assertThat(converted.path("amount").path("currency").asText()).isEqualTo("XRG");
        assertThat(converted.path("amount").path("minor").asLong()).isEqualTo(9_379_820);
        assertThat(converted.path("rate").asText()).isEqualTo("USD->XRG 1.9434");
        assertThat(converted.path("rateTable").asText()).isEqualTo("assumed-1923");
        assertThat(converted.path("assumption").asBoolean()).isTrue();
    }

    @Test
    void whatMembersGaveTheSovietFundComesTo440000GoldRublesConverted() {
        JsonNode flows = Http.get("/api/flows?account=section/SU/members&period=total&convert=XRG&from=1922-12&to=1924-07")
                .json().path("items");
        assertThat(flows).hasSize(3).allSatisfy(f -> {
            assertThat(f.path("fromAccount").asText()).isEqualTo("section/SU/members");
            assertThat(f.path("toLabel").asText()).isEqualTo("USSR section fund");
        });
        long total = 0;
        for (JsonNode f : flows) {
            total += f.path("converted").path("amount").path("minor").asLong();
        }
        assertThat(total).as("c001.ussr-aid-to-1924-07-xrg: 440,000 gold rubles").isEqualTo(44_000_000);
    }

    @Test
    void aidByCountryAndItsCsv() {
        JsonNode aid = Http.get("/api/aid?country=PL&period=total&limit=10").json().path("items");
        assertThat(aid).hasSize(3).allSatisfy(a -> {
            assertThat(a.path("countryName").asText()).isEqualTo("Poland");
            assertThat(a.path("fromAccount").asText()).isEqualTo("fund/central");
            assertThat(a.path("purpose").asText()).isEqualTo("UNSPECIFIED");
        });
        Http.Answer csv = Http.get("/api/aid?country=PL&period=total&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("fromAccount,fromLabel,country,countryName,purpose,"
                + "period.text,period.precision,period.start,period.end,amount.minor,amount.currency,amount.exponent,"
                + "amount.decimal,converted,entries,overdrafts");
        assertThat(csv.body().lines()).hasSize(4);
    }

    @Test
    void flowsAndBalancesAsCsv() {
        Http.Answer flows = Http.get("/api/flows?period=year&limit=5", "text/csv");
        assertThat(flows.body().lines().findFirst().orElseThrow()).startsWith("fromAccount,fromLabel,toAccount,toLabel,period.text");
        Http.Answer balances = Http.get("/api/balances?account=fund/&format=csv");
        assertThat(balances.body()).contains("fund/central,Central aid fund,0,");
    }

    @Test
    void balancesNowAndAsOfADay() {
        JsonNode now = Http.get("/api/balances?account=fund/central").json();
        assertThat(now.path("items")).allSatisfy(b -> assertThat(b.path("balance").path("minor").asLong())
                .as("the central fund passed on all it received").isZero());
        JsonNode then = Http.get("/api/balances?account=aid/PL/&at=1923-06-30&currency=USD").json();
        assertThat(then.path("summary").path("asOf").asText()).isEqualTo("1923-06-30");
        assertThat(then.path("items")).singleElement().satisfies(b -> {
            assertThat(b.path("label").asText()).isEqualTo("Aid to prisoners in Poland");
            assertThat(b.path("balance").path("minor").asLong()).isPositive();
        });
    }

    @Test
    void anAccountPrefixMatchesItselfOnlyWildcardsIncluded() {
        assertThat(Http.get("/api/balances?account=fund%25").json().path("items")).isEmpty();
        assertThat(Http.get("/api/balances?account=fund_central").json().path("items")).isEmpty();
        assertThat(Http.get("/api/flows?account=%25&period=total").json().path("items")).isEmpty();
    }

    @Test
    void theTrialBalanceIsZero() {
        JsonNode trial = Http.get("/api/trial-balance").json();
        assertThat(trial.path("balanced").asBoolean()).isTrue();
        assertThat(trial.path("imbalances")).isEmpty();
        assertThat(trial.path("inTransit")).isEmpty();
        assertThat(Http.get("/api/trial-balance?format=csv").body()).startsWith("run,balanced");
    }

    @Test
    void moneyProblems() {
        Http.get("/api/income?run=no-such-run").problem(404, "unknown-run");
        assertThat(Http.get("/api/income?section=ZZ").problem(404, "unknown-section")).contains("ZZ");
        Http.get("/api/income?section=not%20a%20code").problem(400, "bad-parameter");
        assertThat(Http.get("/api/income?currency=EUR").problem(400, "bad-currency")).contains("EUR");
        Http.get("/api/flows?convert=XXX").problem(400, "bad-currency");
        Http.get("/api/balances?currency=dollars").problem(400, "bad-currency");
        Http.get("/api/income?from=1923-13").problem(400, "bad-date");
        Http.get("/api/income?from=1923-03-15").problem(400, "bad-date");
        assertThat(Http.get("/api/flows?from=1925&to=1924").problem(400, "bad-date")).contains("before it begins");
        Http.get("/api/balances?at=31.12.1924").problem(400, "bad-date");
        Http.get("/api/aid?from=99999").problem(400, "bad-date");
        Http.get("/api/income?period=decade").problem(400, "bad-parameter");
        Http.get("/api/income?kind=tithe").problem(400, "bad-parameter");
        Http.get("/api/flows?rateTable=assumed-1923").problem(400, "bad-parameter");
        assertThat(Http.get("/api/flows?convert=XRG&rateTable=silver").problem(400, "bad-parameter")).contains("silver");
        Http.get("/api/aid?limit=-3").problem(400, "bad-paging");
        Http.get("/api/trial-balance?run=no-such-run").problem(404, "unknown-run");
    }
}
