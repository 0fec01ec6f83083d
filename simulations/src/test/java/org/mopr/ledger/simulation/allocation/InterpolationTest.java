package org.mopr.ledger.simulation.allocation;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterpolationTest {

    @Test
    void monthlyPointsBetweenTheStasovaCensusesRunStraightFromOneToTheOther() {
        List<Interpolation.Point> points = Interpolation.monthly(LocalDate.of(1928, 1, 1), 8_900_000,
                LocalDate.of(1931, 1, 1), 8_305_454);
        assertThat(points).hasSize(35);
        assertThat(points.get(0).date()).isEqualTo(LocalDate.of(1928, 2, 1));
        assertThat(points.get(34).date()).isEqualTo(LocalDate.of(1930, 12, 1));
        // 31 of 1,096 days: 8,900,000 - 594,546 * 31 / 1096 = 8,883,183.5... -> 8,883,184 (half up, negative delta rounds away)
        assertThat(points.get(0).value()).isEqualTo(8_900_000 + Math.round(-594_546 * 31 / 1096.0));
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).value()).isLessThanOrEqualTo(points.get(i - 1).value());
        }
        assertThat(points.get(34).value()).isBetween(8_305_454L, 8_900_000L);
    }

    @Test
    void refusesCensusesOutOfOrder() {
        assertThatThrownBy(() -> Interpolation.monthly(LocalDate.of(1931, 1, 1), 1, LocalDate.of(1928, 1, 1), 2))
                .isInstanceOf(DomainException.class).hasMessageContaining("1931-01-01");
    }

    @Test
    void placesImpreciseDatesByPolicyWithinTheWindow() {
        LocalDate from = LocalDate.of(1922, 11, 30);
        LocalDate to = LocalDate.of(1932, 12, 31);
        HistoricalDate aug1925 = HistoricalDate.month(1925, 8);
        assertThat(DatePlacement.START.place(aug1925, from, to, 1)).isEqualTo(LocalDate.of(1925, 8, 1));
        assertThat(DatePlacement.MIDDLE.place(aug1925, from, to, 1)).isEqualTo(LocalDate.of(1925, 8, 16));
        assertThat(DatePlacement.END.place(aug1925, from, to, 1)).isEqualTo(LocalDate.of(1925, 8, 31));
        LocalDate random = DatePlacement.SEEDED_RANDOM.place(aug1925, from, to, 42);
        assertThat(random).isBetween(LocalDate.of(1925, 8, 1), LocalDate.of(1925, 8, 31))
                .isEqualTo(DatePlacement.SEEDED_RANDOM.place(aug1925, from, to, 42));
        HistoricalDate before1933 = HistoricalDate.parse("before 1933");
        assertThat(DatePlacement.START.place(before1933, from, to, 1)).isEqualTo(from);
        assertThat(DatePlacement.END.place(before1933, from, to, 1)).isEqualTo(LocalDate.of(1932, 12, 31));
        assertThat(DatePlacement.MIDDLE.place(HistoricalDate.unknown(), from, to, 1)).isNull();
        // MIDDLE keeps an open bound where the source puts it.
        assertThat(DatePlacement.MIDDLE.place(before1933, from, to, 1)).isEqualTo(LocalDate.of(1932, 12, 31));
        assertThat(DatePlacement.MIDDLE.place(HistoricalDate.parse("after 1924"), from, to, 1)).isEqualTo(LocalDate.of(1925, 1, 1));
        assertThatThrownBy(() -> DatePlacement.parse("whenever")).hasMessageContaining("'whenever'");
    }
}
