package org.mopr.ledger.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mopr.ledger.shared.DomainException;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoricalDateTest {

    /** Text as scenarios and the catalog write it, its precision, and the days it can mean ("" = open). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1924-07-14,        DAY,      1924-07-14, 1924-07-14",
            "1925-02,           MONTH,    1925-02-01, 1925-02-28",
            "1924-02,           MONTH,    1924-02-01, 1924-02-29",
            "1925,              YEAR,     1925-01-01, 1925-12-31",
            "1923-03/1923-11,   INTERVAL, 1923-03-01, 1923-11-30",
            "1922/1932,         INTERVAL, 1922-01-01, 1932-12-31",
            "1923-03-02/1924,   INTERVAL, 1923-03-02, 1924-12-31",
            "before 1933,       BEFORE,   ,           1932-12-31",
            "before 1933-03,    BEFORE,   ,           1933-02-28",
            "before 1933-03-18, BEFORE,   ,           1933-03-17",
            "after 1928,        AFTER,    1929-01-01, ",
            "after 1928-02,     AFTER,    1928-03-01, ",
            "after 1928-02-15,  AFTER,    1928-02-16, ",
            "unknown,           UNKNOWN,  ,           "
    })
    void parsesEachPrecisionAndPrintsItBackAsWritten(String text, Precision precision, LocalDate earliest,
                                                     LocalDate latest) {
        HistoricalDate date = HistoricalDate.parse(text);

        assertThat(date).isEqualTo(new HistoricalDate(precision, earliest, latest));
        assertThat(date.toString()).isEqualTo(text);
        assertThat(HistoricalDate.parse(date.toString())).isEqualTo(date);
    }

    @Test
    void jsonFormIsTheCanonicalText() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String text : List.of("1924-07-14", "1925-02", "1925", "1923-03/1923-11", "before 1933",
                "after 1928", "unknown")) {
            HistoricalDate date = HistoricalDate.parse(text);
            String written = json.writeValueAsString(date);
            assertThat(written).isEqualTo("\"" + text + "\"");
            assertThat(json.readValue(written, HistoricalDate.class)).isEqualTo(date);
        }
    }

    @Test
    void factoriesMatchTheTextForms() {
        assertThat(HistoricalDate.day(1924, 7, 14)).isEqualTo(HistoricalDate.parse("1924-07-14"));
        assertThat(HistoricalDate.day(LocalDate.of(1924, 7, 14)).isExact()).isTrue();
        assertThat(HistoricalDate.month(1925, 2)).isEqualTo(HistoricalDate.parse("1925-02"));
        assertThat(HistoricalDate.year(1925)).isEqualTo(HistoricalDate.parse("1925"));
        assertThat(HistoricalDate.interval(HistoricalDate.month(1923, 3), HistoricalDate.month(1923, 11)))
                .isEqualTo(HistoricalDate.parse("1923-03/1923-11"));
        assertThat(HistoricalDate.before(HistoricalDate.year(1933))).isEqualTo(HistoricalDate.parse("before 1933"));
        assertThat(HistoricalDate.after(HistoricalDate.year(1928))).isEqualTo(HistoricalDate.parse("after 1928"));
        assertThat(HistoricalDate.unknown()).isEqualTo(HistoricalDate.parse("unknown"));
        assertThat(HistoricalDate.year(1925).isExact()).isFalse();
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertThat(HistoricalDate.parse("  1925-02 ")).isEqualTo(HistoricalDate.month(1925, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1925-02-30", "1925-13", "1925-00-01"})
    void refusesADayThatDoesNotExistQuotingIt(String text) {
        assertThatThrownBy(() -> HistoricalDate.parse(text))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("date '" + text + "' does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "25-02", "1925-2", "Feb. 1925", "circa 1925", "1925/", "before", "1925-02-03T00:00"})
    void refusesTextInNoKnownFormQuotingIt(String text) {
        assertThatThrownBy(() -> HistoricalDate.parse(text))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("is not one of YYYY-MM-DD, YYYY-MM, YYYY");
    }

    @Test
    void refusesAMissingDate() {
        assertThatThrownBy(() -> HistoricalDate.parse(null))
                .isInstanceOf(DomainException.class)
                .hasMessage("missing date");
    }

    @Test
    void refusesAnIntervalThatEndsBeforeItBegins() {
        assertThatThrownBy(() -> HistoricalDate.parse("1925/1923"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("ends (1923-12-31) before it begins (1925-01-01)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"before unknown", "after unknown", "before before 1933", "after after 1928",
            "unknown/1925", "1925/unknown", "1925/after 1927"})
    void refusesBoundsAndIntervalsWithoutTheEndTheyNeed(String text) {
        assertThatThrownBy(() -> HistoricalDate.parse(text))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void refusesBoundsThatDoNotFitThePrecision() {
        LocalDate day = LocalDate.of(1925, 1, 1);
        assertThatThrownBy(() -> new HistoricalDate(Precision.YEAR, day, null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("YEAR");
        assertThatThrownBy(() -> new HistoricalDate(Precision.BEFORE, day, day))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("BEFORE");
        assertThatThrownBy(() -> new HistoricalDate(Precision.UNKNOWN, null, day))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("UNKNOWN");
        assertThatThrownBy(() -> new HistoricalDate(null, day, day))
                .isInstanceOf(DomainException.class)
                .hasMessage("historical date without precision");
    }

    @Test
    void certainlyOnOrBeforeOnlyWhenEveryPossibleDayIs() {
        LocalDate endOf1932 = LocalDate.of(1932, 12, 31);
        assertThat(HistoricalDate.parse("1932").certainlyOnOrBefore(endOf1932)).isTrue();
        assertThat(HistoricalDate.parse("before 1933").certainlyOnOrBefore(endOf1932)).isTrue();
        assertThat(HistoricalDate.parse("1932").certainlyOnOrBefore(LocalDate.of(1932, 12, 30))).isFalse();
        assertThat(HistoricalDate.parse("after 1928").certainlyOnOrBefore(endOf1932)).isFalse();
        assertThat(HistoricalDate.unknown().certainlyOnOrBefore(endOf1932)).isFalse();
    }

    @Test
    void mayFallWithinWhenAnyPossibleDayOverlaps() {
        LocalDate from = LocalDate.of(1925, 6, 1);
        LocalDate to = LocalDate.of(1925, 6, 30);
        assertThat(HistoricalDate.parse("1925").mayFallWithin(from, to)).isTrue();
        assertThat(HistoricalDate.parse("1925-06-30").mayFallWithin(from, to)).isTrue();
        assertThat(HistoricalDate.parse("1925-07-01").mayFallWithin(from, to)).isFalse();
        assertThat(HistoricalDate.parse("1925-05").mayFallWithin(from, to)).isFalse();
        assertThat(HistoricalDate.parse("before 1925-06-02").mayFallWithin(from, to)).isTrue();
        assertThat(HistoricalDate.parse("before 1925-06").mayFallWithin(from, to)).isFalse();
        assertThat(HistoricalDate.parse("after 1925-06-29").mayFallWithin(from, to)).isTrue();
        assertThat(HistoricalDate.parse("after 1925-06").mayFallWithin(from, to)).isFalse();
        assertThat(HistoricalDate.unknown().mayFallWithin(from, to)).isTrue();
    }

    @Test
    void ordersByEarliestDayWithOpenStartsFirstThenByPrecision() {
        List<String> sorted = Stream.of("1925-02", "1925", "unknown", "before 1920", "1924-12-31", "1925-02-01")
                .map(HistoricalDate::parse).sorted().map(HistoricalDate::toString).toList();
        assertThat(sorted).containsExactly("before 1920", "unknown", "1924-12-31", "1925", "1925-02-01", "1925-02");
    }
}
