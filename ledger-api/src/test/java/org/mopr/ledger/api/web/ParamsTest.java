package org.mopr.ledger.api.web;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.query.Period;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    @Test
    void periodsAreReadWithTheirPrecision() {
        assertThat(Params.boundary("from", "1923", false)).isEqualTo(LocalDate.of(1923, 1, 1));
        assertThat(Params.boundary("to", "1923", true)).isEqualTo(LocalDate.of(1923, 12, 31));
        assertThat(Params.boundary("to", "1924-02", true)).isEqualTo(LocalDate.of(1924, 2, 29));
        assertThat(Params.boundary("from", "1924-02-03", false)).isEqualTo(LocalDate.of(1924, 2, 3));
        assertThat(Params.month("from", "1923", false, null)).isEqualTo(YearMonth.of(1923, 1));
        assertThat(Params.month("to", "1923", true, null)).isEqualTo(YearMonth.of(1923, 12));
        assertThat(Params.month("to", null, true, YearMonth.of(1932, 12))).isEqualTo(YearMonth.of(1932, 12));
        assertThat(Params.day("at", null)).isNull();
    }

    @Test
    void mistakesNameTheirProblem() {
        assertThatThrownBy(() -> Params.day("at", "1924-02-30")).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.slug()).isEqualTo("bad-date"));
        assertThatThrownBy(() -> Params.boundary("from", "0999", false)).hasMessageContaining("outside");
        assertThatThrownBy(() -> Params.month("from", "1924-02-03", false, null)).hasMessageContaining("by month");
        assertThatThrownBy(() -> Params.currency("convert", "eur")).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.slug()).isEqualTo("bad-currency"));
        assertThat(Params.currency("convert", "usd").code()).isEqualTo("USD");
        assertThatThrownBy(() -> Params.page("0", null)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.slug()).isEqualTo("bad-paging"));
        assertThat(Params.page(null, null).limit()).isEqualTo(Params.DEFAULT_LIMIT);
        assertThat(Params.period("total", Period.MONTH)).isEqualTo(Period.TOTAL);
        assertThatThrownBy(() -> Params.period("week", Period.MONTH)).hasMessageContaining("month, year, total");
        assertThat(Params.sectionCode("section", "pl")).isEqualTo("PL");
        assertThatThrownBy(() -> Params.sectionCode("section", "P")).isInstanceOf(ApiProblem.class);
    }
}
