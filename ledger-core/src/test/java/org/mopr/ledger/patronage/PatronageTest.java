package org.mopr.ledger.patronage;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

class PatronageTest {

    private static final PatronageId IVANOVO_PL = new PatronageId(RunId.of("hist"), "ivanovo", "PL");
    private static final Provenance DOC = Provenance.documented("claim-patronage-1");
    private static final HistoricalDate PERIOD = HistoricalDate.year(1925);
    private static final LocalDate SINCE = LocalDate.of(1925, 7, 1);
    private static final PrisonerPatronized ESTABLISHED =
            new PrisonerPatronized(IVANOVO_PL, "Ivanovo-Voznesensk", PERIOD, SINCE, DOC);

    private FixtureConfiguration<Patronage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Patronage.class);
    }

    @Test
    void aCityTakesPatronageOfPrisonersInACountry() {
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo-Voznesensk", PERIOD, SINCE, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ESTABLISHED);
    }

    @Test
    void anOpenPeriodAcceptsAPlacementOnItsOpenSide() {
        HistoricalDate beforeBan = HistoricalDate.parse("before 1933");
        LocalDate placed = LocalDate.of(1926, 1, 1);
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo-Voznesensk", beforeBan, placed, DOC))
                .expectEvents(new PrisonerPatronized(IVANOVO_PL, "Ivanovo-Voznesensk", beforeBan, placed, DOC));
    }

    @Test
    void isEstablishedOnlyOnce() {
        fixture.given(ESTABLISHED)
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo", PERIOD, SINCE.plusDays(1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "patronage hist/patronage/ivanovo:PL was already established on 1925-07-01"))
                .expectNoEvents();
    }

    @Test
    void needsTheCitysNameItsPeriodAndAPlacement() {
        String message = "patronage hist/patronage/ivanovo:PL needs the city's name, its period and a placement";
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, " ", PERIOD, SINCE, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo", null, SINCE, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo", PERIOD, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    @Test
    void isPlacedWithinItsPeriod() {
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo", PERIOD, LocalDate.of(1926, 1, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "patronage hist/patronage/ivanovo:PL: placement 1926-01-01 lies outside its period 1925"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new EstablishPatronage(IVANOVO_PL, "Ivanovo", HistoricalDate.parse("after 1928"),
                        LocalDate.of(1928, 12, 31), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("placement 1928-12-31 lies outside its period after 1928"))
                .expectNoEvents();
    }

    @Test
    void ends() {
        LocalDate end = LocalDate.of(1927, 5, 1);
        fixture.given(ESTABLISHED)
                .when(new EndPatronage(IVANOVO_PL, end, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PatronageEnded(IVANOVO_PL, end, DOC));
    }

    @Test
    void mayEndOnTheDayItBegan() {
        fixture.given(ESTABLISHED)
                .when(new EndPatronage(IVANOVO_PL, SINCE, DOC))
                .expectEvents(new PatronageEnded(IVANOVO_PL, SINCE, DOC));
    }

    @Test
    void cannotEndBeforeItBegan() {
        fixture.given(ESTABLISHED)
                .when(new EndPatronage(IVANOVO_PL, SINCE.minusDays(1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "patronage hist/patronage/ivanovo:PL began on 1925-07-01: cannot end on 1925-06-30"))
                .expectNoEvents();
    }

    @Test
    void cannotEndWithoutADate() {
        fixture.given(ESTABLISHED)
                .when(new EndPatronage(IVANOVO_PL, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("began on 1925-07-01: cannot end on null"))
                .expectNoEvents();
    }

    @Test
    void endsOnlyOnce() {
        fixture.given(ESTABLISHED, new PatronageEnded(IVANOVO_PL, LocalDate.of(1927, 5, 1), DOC))
                .when(new EndPatronage(IVANOVO_PL, LocalDate.of(1928, 1, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("patronage hist/patronage/ivanovo:PL already ended on 1927-05-01"))
                .expectNoEvents();
    }

    @Test
    void aPatronageNeverEstablishedCannotEnd() {
        fixture.givenNoPriorActivity()
                .when(new EndPatronage(IVANOVO_PL, LocalDate.of(1927, 5, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "patronage hist/patronage/ivanovo:PL was never established: cannot end it on 1927-05-01"))
                .expectNoEvents();
    }

    @Test
    void theIdReadsBackFromItsTextForm() {
        assertThat(PatronageId.parse("hist/patronage/ivanovo:PL")).isEqualTo(IVANOVO_PL);
        assertThat(IVANOVO_PL.toString()).isEqualTo("hist/patronage/ivanovo:PL");
        assertThatThrownBy(() -> PatronageId.parse("hist/patronage/ivanovo"))
                .isInstanceOf(DomainException.class)
                .hasMessage("patronage id 'hist/patronage/ivanovo' must end in <city>:<COUNTRY>");
        assertThatThrownBy(() -> new PatronageId(RunId.of("hist"), "Ivanovo", "PL"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("city key 'Ivanovo'");
        assertThatThrownBy(() -> new PatronageId(RunId.of("hist"), "ivanovo", "pl"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("section code 'pl'");
    }
}
