package org.mopr.ledger.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HistoricalDateProperties {

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** Any date the factories can build, at any precision. */
    @Provide
    Arbitrary<HistoricalDate> dates() {
        Arbitrary<HistoricalDate> simple = Arbitraries.oneOf(
                days().map(HistoricalDate::day),
                days().map(d -> HistoricalDate.month(d.getYear(), d.getMonthValue())),
                days().map(d -> HistoricalDate.year(d.getYear())));
        Arbitrary<HistoricalDate> intervals = Combinators.combine(simple, simple)
                .filter((a, b) -> !b.latest().isBefore(a.earliest()))
                .as(HistoricalDate::interval);
        return Arbitraries.oneOf(simple, intervals,
                simple.map(HistoricalDate::before),
                simple.map(HistoricalDate::after),
                Arbitraries.just(HistoricalDate.unknown()));
    }

    @Property
    void printedDateParsesBackToTheSameDays(@ForAll("dates") HistoricalDate date) {
        HistoricalDate again = HistoricalDate.parse(date.toString());
        assertThat(again).isEqualTo(date);
        assertThat(again.toString()).isEqualTo(date.toString());
    }

    @Property
    void aDateMayFallOnEachOfItsOwnBounds(@ForAll("dates") HistoricalDate date) {
        if (date.earliest() != null) {
            assertThat(date.mayFallWithin(date.earliest(), date.earliest())).isTrue();
            assertThat(date.mayFallWithin(date.earliest().minusDays(1), date.earliest().minusDays(1))).isFalse();
        }
        if (date.latest() != null) {
            assertThat(date.certainlyOnOrBefore(date.latest())).isTrue();
            assertThat(date.certainlyOnOrBefore(date.latest().minusDays(1))).isFalse();
        }
    }
}
