package org.mopr.ledger.projection.income;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.ledger.AccountBalance;
import org.mopr.ledger.projection.ledger.FlowFigure;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.rates.Conversion;
import org.mopr.ledger.projection.rates.ConvertTo;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dues, aid, balances and flows as the API will ask for them, with conversions through declared rates only. */
class MoneyQueriesTest {

    private static final YearMonth JAN = YearMonth.of(1924, 1);
    private static final YearMonth DEC = YearMonth.of(1924, 12);
    private static ProjectionQueries queries;

    @BeforeAll
    static void project() {
        queries = new ProjectionQueries(ProjectionDatabase.withStory("money", "q1").jdbc);
    }

    @Test
    void duesByMonthAndByYear() {
        Page<IncomeFigure> months = queries.income().income("q1", IncomeKind.DUES, "SU", JAN, DEC, Period.MONTH, null,
                PageRequest.first(10));
        assertThat(months.items()).extracting(f -> f.periodStart() + " " + f.amount().amount() + " x" + f.entries())
                .containsExactly("1924-01-01 150.00 USD x2", "1924-02-01 25.00 USD x1");
        assertThat(months.items().get(0).amount().converted()).isNull();
        IncomeFigure year = queries.income().income("q1", null, null, JAN, DEC, Period.YEAR, null, PageRequest.first(10))
                .items().stream().filter(f -> f.kind() == IncomeKind.DUES).findFirst().orElseThrow();
        assertThat(year.amount().amount()).isEqualTo(Money.of(17_500, "USD"));
        assertThat(year.entries()).isEqualTo(3);
    }

    @Test
    void convertedFiguresKeepTheNativeAmountAndCarryTheRateAndItsCitation() {
        IncomeFigure january = queries.income().income("q1", IncomeKind.DUES, "SU", JAN, JAN, Period.MONTH,
                new ConvertTo(null, Currency.XRG), PageRequest.first(10)).items().get(0);
        assertThat(january.amount().amount()).isEqualTo(Money.of(15_000, "USD"));
        Conversion conversion = january.amount().converted();
        assertThat(conversion.converted()).isEqualTo(Money.of(29_100, "XRG"));   // 150.00 USD x 1.94
        assertThat(conversion.rateOn()).isEqualTo(LocalDate.of(1924, 1, 1));
        assertThat(conversion.rate().citation()).isEqualTo("Narkomfin bulletin 1924");
        assertThat(conversion.rate().assumption()).isFalse();
        assertThat(conversion.rate().inverse()).isFalse();
    }

    @Test
    void aRateDeclaredTheOtherWayIsDividedAndAnAssumedRateSaysSo() {
        Conversion back = queries.rates().convert("q1", "gold", Money.of(19_400, "XRG"), LocalDate.of(1924, 5, 1), Currency.USD);
        assertThat(back.converted()).isEqualTo(Money.of(10_000, "USD"));
        assertThat(back.rate().inverse()).isTrue();
        Conversion assumed = queries.rates().convert("q1", "gold", Money.of(4_200, "DEM"), LocalDate.of(1924, 5, 1), Currency.USD);
        assertThat(assumed.converted()).isEqualTo(Money.of(1_000, "USD"));
        assertThat(assumed.rate().assumption()).isTrue();
        assertThat(assumed.rate().citation()).isNull();
    }

    @Test
    void withoutADeclaredRateThereIsNoConversion() {
        assertThatThrownBy(() -> queries.rates().convert("q1", "gold", Money.of(100, "FRF"), LocalDate.of(1924, 5, 1), Currency.USD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no rate FRF->USD");
        assertThatThrownBy(() -> queries.rates().convert("q1", "gold", Money.of(100, "USD"), LocalDate.of(1925, 1, 1), Currency.XRG))
                .hasMessageContaining("valid on 1925-01-01");
        assertThatThrownBy(() -> queries.rates().convert("q1", "paper", Money.of(100, "USD"), LocalDate.of(1924, 1, 1), Currency.XRG))
                .hasMessageContaining("no rate table 'paper'");
    }

    @Test
    void aidByPayingSection() {
        Page<AidFigure> aid = queries.income().aid("q1", "section/SU/", null, JAN, DEC, Period.TOTAL, null, PageRequest.first(10));
        assertThat(aid.items()).extracting(a -> a.country() + " " + a.purpose() + " " + a.amount().amount() + " " + a.periodStart())
                .containsExactly("PL MATERIAL 60.00 USD 1924-01-01");
    }

    @Test
    void balancesAsOfADayReadWholeMonthsAndThePartialOne() {
        assertThat(queries.ledger().balance("q1", "section/SU/fund", Currency.USD, LocalDate.of(1924, 1, 15))).isEqualTo(Money.of(10_000, "USD"));
        assertThat(queries.ledger().balance("q1", "section/SU/fund", Currency.USD, LocalDate.of(1924, 3, 10))).isEqualTo(Money.of(15_500, "USD"));
        assertThat(queries.ledger().balance("q1", "section/SU/fund", Currency.USD, null)).isEqualTo(Money.of(12_500, "USD"));
        assertThat(queries.ledger().balances("q1", "aid/", LocalDate.of(1924, 3, 31), PageRequest.first(10)).items())
                .extracting(AccountBalance::account).containsExactly("aid/PL/material");
        assertThat(queries.ledger().balances("q1", "clearing/", LocalDate.of(1924, 3, 31), PageRequest.first(10)).items())
                .extracting(b -> b.balance().toString()).containsExactly("30.00 USD");
        assertThat(queries.trialBalance().inTransit("q1")).isEmpty();
    }

    @Test
    void flowsOverAPeriod() {
        Page<FlowFigure> flows = queries.ledger().flows("q1", JAN, DEC, "section/SU/members", Period.TOTAL, null,
                PageRequest.first(10));
        assertThat(flows.items()).extracting(f -> f.fromAccount() + " -> " + f.toAccount() + " " + f.amount().amount() + " x" + f.movements())
                .containsExactly("section/SU/members -> section/SU/fund 175.00 USD x3");
        assertThat(queries.ledger().flows("q1", JAN, DEC, null, Period.MONTH, null, PageRequest.first(100)).items()).hasSize(8);
        // LIKE's wildcards in a prefix are taken literally: no account starts with "section_" or "section%".
        assertThat(queries.ledger().flows("q1", JAN, DEC, "section_", Period.MONTH, null, PageRequest.first(10)).items()).isEmpty();
        assertThat(queries.ledger().balances("q1", "section%", null, PageRequest.first(10)).items()).isEmpty();
        assertThat(queries.ledger().balances("q1", "section", null, PageRequest.first(10)).items()).hasSize(3);
    }
}
