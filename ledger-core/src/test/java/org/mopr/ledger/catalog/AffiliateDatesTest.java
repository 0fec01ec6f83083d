package org.mopr.ledger.catalog;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AffiliateDatesTest {

    @Test
    void readsTheTablesStyles() {
        assertThat(AffiliateDates.parse("Aug. 1925")).isEqualTo(HistoricalDate.month(1925, 8));
        assertThat(AffiliateDates.parse("Sept. 1923")).isEqualTo(HistoricalDate.month(1923, 9));
        assertThat(AffiliateDates.parse("April 1925")).isEqualTo(HistoricalDate.month(1925, 4));
        assertThat(AffiliateDates.parse("March 1924")).isEqualTo(HistoricalDate.month(1924, 3));
        assertThat(AffiliateDates.parse("1926")).isEqualTo(HistoricalDate.year(1926));
        assertThat(AffiliateDates.parse("\"before 1928\"")).isEqualTo(HistoricalDate.parse("before 1928"));
        assertThat(AffiliateDates.parse("\"after 1928\"")).isEqualTo(HistoricalDate.parse("after 1928"));
        assertThat(AffiliateDates.parse(" ")).isEqualTo(HistoricalDate.unknown());
    }

    @Test
    void refusesWhatTheTableNeverWrites() {
        assertThatThrownBy(() -> AffiliateDates.parse("Smarch 1925")).isInstanceOf(DomainException.class)
                .hasMessageContaining("'Smarch 1925'");
        assertThatThrownBy(() -> AffiliateDates.parse("mid-1925")).isInstanceOf(DomainException.class);
    }
}
