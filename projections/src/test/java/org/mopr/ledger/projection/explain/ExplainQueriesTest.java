package org.mopr.ledger.projection.explain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Every projected figure can be traced to its events and claims. */
class ExplainQueriesTest {

    private static ExplainQueries explain;

    @BeforeAll
    static void project() {
        explain = new ProjectionQueries(ProjectionDatabase.withStory("explain", "x1").jdbc).explain();
    }

    @Test
    void aSectionsDuesInAMonthNameTheirClaims() {
        Explanation january = explain.income("x1", "SU", IncomeKind.DUES, YearMonth.of(1924, 1), Currency.USD, PageRequest.first(10));
        assertThat(january.byProvenance()).singleElement().satisfies(c -> {
            assertThat(c.provenance().claims()).containsExactly("claim.su.dues.1924");
            assertThat(c.provenance().origin()).isEqualTo("DOCUMENTED");
            assertThat(c.events()).isEqualTo(2);
            assertThat(c.amount()).isEqualTo(Money.of(15_000, "USD"));
        });
        assertThat(january.events().items()).extracting(ExplainedEvent::eventType, e -> e.amount().minor())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DuesCollected", 10_000L),
                        org.assertj.core.groups.Tuple.tuple("DuesCollected", 5_000L));
        assertThat(january.events().items().get(0).aggregateId()).isEqualTo("x1/section/SU");

        Explanation february = explain.income("x1", "SU", IncomeKind.DUES, YearMonth.of(1924, 2), Currency.USD, PageRequest.first(10));
        ProvenanceView model = february.byProvenance().get(0).provenance();
        assertThat(model.origin()).isEqualTo("SIMULATED");
        assertThat(model.rule()).isEqualTo("monthly-dues");
        assertThat(model.seed()).isEqualTo(42L);
        assertThat(model.parameters()).isEqualTo("{\"months\":\"12\"}");
    }

    @Test
    void aBalanceIsExplainedByEveryPostingUpToTheDay() {
        Explanation balance = explain.balance("x1", "section/SU/fund", Currency.USD, LocalDate.of(1924, 2, 28), PageRequest.first(2));
        assertThat(balance.byProvenance()).extracting(Explanation.Contribution::events).containsExactly(2L, 1L, 1L);
        assertThat(balance.byProvenance().stream().map(Explanation.Contribution::amount).map(Money::minor)
                .mapToLong(Long::longValue).sum()).isEqualTo(21_500);
        assertThat(balance.events().items()).hasSize(2);
        assertThat(balance.events().hasMore()).isTrue();
    }

    @Test
    void aMembershipFigureIsExplainedByThePointItRestsOn() {
        Explanation interpolated = explain.membership("x1", "SU", LocalDate.of(1924, 2, 15)).orElseThrow();
        assertThat(interpolated.figure()).contains("3100000").contains("INTERPOLATED of 1924-02-01");
        assertThat(interpolated.byProvenance().get(0).provenance().claims()).containsExactly("claim.su.dues.total");
        Explanation census = explain.membership("x1", "SU", LocalDate.of(1924, 1, 15)).orElseThrow();
        assertThat(census.byProvenance().get(0).provenance().claims()).containsExactly("claim.su.members.1924");
        assertThat(explain.membership("x1", "SU", LocalDate.of(1923, 1, 1))).isEmpty();
    }
}
