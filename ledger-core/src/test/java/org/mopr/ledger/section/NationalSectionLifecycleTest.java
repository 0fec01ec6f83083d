package org.mopr.ledger.section;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Set;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mopr.ledger.section.SectionHistory.BANNED;
import static org.mopr.ledger.section.SectionHistory.DAY;
import static org.mopr.ledger.section.SectionHistory.DE;
import static org.mopr.ledger.section.SectionHistory.DISSOLVED_ON;
import static org.mopr.ledger.section.SectionHistory.DOC;
import static org.mopr.ledger.section.SectionHistory.FOUNDED;
import static org.mopr.ledger.section.SectionHistory.FOUNDED_ON;

/** Founding, membership, goods in kind and dissolution of a national section. */
class NationalSectionLifecycleTest {

    private static final Set<Currency> KEPT = Set.of(Currency.USD, Currency.of("DEM"));

    private FixtureConfiguration<NationalSection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalSection.class);
    }

    // ---- founding ----

    @Test
    void isFoundedWithItsCurrencies() {
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe Deutschlands", HistoricalDate.year(1924), FOUNDED_ON, KEPT, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FOUNDED);
    }

    @Test
    void isFoundedOnlyOnce() {
        fixture.given(FOUNDED)
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1924), FOUNDED_ON, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE was already founded on 1924-03-18"))
                .expectNoEvents();
    }

    @Test
    void isNotFoundedAgainAfterDissolution() {
        fixture.given(FOUNDED, BANNED)
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1934), LocalDate.of(1934, 1, 1), KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE was already founded on 1924-03-18"))
                .expectNoEvents();
    }

    @Test
    void needsAName() {
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, " ", HistoricalDate.year(1924), FOUNDED_ON, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE needs a name"))
                .expectNoEvents();
    }

    @Test
    void needsItsFoundingDateAndPlacement() {
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", null, FOUNDED_ON, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE needs its founding date"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1924), null, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE needs its founding date"))
                .expectNoEvents();
    }

    @Test
    void isPlacedWithinItsFoundingDate() {
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1924), LocalDate.of(1925, 1, 1), KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: placement 1925-01-01 lies outside its founding date 1924"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.month(1924, 3), LocalDate.of(1924, 2, 29), KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("placement 1924-02-29 lies outside its founding date 1924-03"))
                .expectNoEvents();
    }

    @Test
    void aBodyOlderThanMoprJoinsLaterOnlyByADerivedRule() {
        org.mopr.ledger.provenance.Provenance joined =
                org.mopr.ledger.provenance.Provenance.derived("joins on MOPR's founding day", "c003.affiliate-lt");
        SectionId lt = SectionId.of("hist", "LT");
        LocalDate moprFounded = LocalDate.of(1922, 11, 30);
        fixture.givenNoPriorActivity()
                .when(new FoundSection(lt, "Lithuanian Red Aid", HistoricalDate.year(1918), moprFounded, KEPT, joined))
                .expectEvents(new SectionFounded(lt, "Lithuanian Red Aid", HistoricalDate.year(1918), moprFounded,
                        new java.util.TreeSet<>(KEPT), joined));
        fixture.givenNoPriorActivity()
                .when(new FoundSection(lt, "Lithuanian Red Aid", HistoricalDate.year(1918), moprFounded, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("placement 1922-11-30 lies outside its founding date 1918"))
                .expectNoEvents();
    }

    @Test
    void anOpenFoundingDateBoundsOnlyOneSide() {
        HistoricalDate beforeMoprDay = HistoricalDate.parse("before 1924-03-18");
        LocalDate placed = LocalDate.of(1923, 6, 1);
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", beforeMoprDay, placed, KEPT, DOC))
                .expectEvents(new SectionFounded(DE, "Rote Hilfe", beforeMoprDay, placed,
                        new java.util.TreeSet<>(KEPT), DOC));
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", beforeMoprDay, FOUNDED_ON, KEPT, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("placement 1924-03-18 lies outside its founding date before 1924-03-18"))
                .expectNoEvents();
    }

    @Test
    void keepsAtLeastOneCurrency() {
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1924), FOUNDED_ON, Set.of(), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE must keep at least one currency"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FoundSection(DE, "Rote Hilfe", HistoricalDate.year(1924), FOUNDED_ON, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must keep at least one currency"))
                .expectNoEvents();
    }

    // ---- membership ----

    @Test
    void reportsMembership() {
        fixture.given(FOUNDED)
                .when(new ReportMembership(DE, DAY, 160_000, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MembershipReported(DE, DAY, 160_000, DOC));
    }

    @Test
    void reportsMembershipOnTheFoundingDayAndTheDayBeforeDissolution() {
        fixture.given(FOUNDED, BANNED)
                .when(new ReportMembership(DE, FOUNDED_ON, 0, DOC))
                .expectEvents(new MembershipReported(DE, FOUNDED_ON, 0, DOC));
        fixture.given(FOUNDED, BANNED)
                .when(new ReportMembership(DE, DISSOLVED_ON.minusDays(1), 250_000, DOC))
                .expectEvents(new MembershipReported(DE, DISSOLVED_ON.minusDays(1), 250_000, DOC));
    }

    @Test
    void refusesANegativeMembership() {
        fixture.given(FOUNDED)
                .when(new ReportMembership(DE, DAY, -5, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: membership on 1925-06-01 cannot be negative, was -5"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSectionReportsNoMembership() {
        fixture.givenNoPriorActivity()
                .when(new ReportMembership(DE, DAY, 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot report membership on 1925-06-01"))
                .expectNoEvents();
    }

    @Test
    void reportsNoMembershipBeforeTheFoundingDate() {
        fixture.given(FOUNDED)
                .when(new ReportMembership(DE, FOUNDED_ON.minusDays(1), 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE was founded on 1924-03-18: "
                        + "cannot report membership on 1924-03-17, before it existed"))
                .expectNoEvents();
    }

    @Test
    void reportsNoMembershipOnOrAfterDissolution() {
        fixture.given(FOUNDED, BANNED)
                .when(new ReportMembership(DE, DISSOLVED_ON, 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE was dissolved on 1933-03-01: cannot report membership on 1933-03-01"))
                .expectNoEvents();
        fixture.given(FOUNDED, BANNED)
                .when(new ReportMembership(DE, LocalDate.of(1945, 5, 8), 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("was dissolved on 1933-03-01: cannot report membership on 1945-05-08"))
                .expectNoEvents();
    }

    @Test
    void reportsNoMembershipWithoutDate() {
        fixture.given(FOUNDED)
                .when(new ReportMembership(DE, null, 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: cannot report membership without a date"))
                .expectNoEvents();
    }

    // ---- goods in kind ----

    @Test
    void receivesGoodsInKind() {
        Quantity grain = new Quantity(1_200, GoodsUnit.POOD);
        fixture.given(FOUNDED)
                .when(new DonateGoods(DE, DAY, "Hamburg dockers", "grain", grain, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GoodsDonated(DE, DAY, "Hamburg dockers", "grain", grain, DOC));
    }

    @Test
    void refusesAGiftOfNothing() {
        fixture.given(FOUNDED)
                .when(new DonateGoods(DE, DAY, "Hamburg dockers", "grain", new Quantity(0, GoodsUnit.POOD), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: a gift of grain on 1925-06-01 needs a positive quantity"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new DonateGoods(DE, DAY, "Hamburg dockers", "grain", null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("a gift of grain on 1925-06-01 needs a positive quantity"))
                .expectNoEvents();
    }

    @Test
    void goodsMustSayWhatTheyAre() {
        fixture.given(FOUNDED)
                .when(new DonateGoods(DE, DAY, "Hamburg dockers", "", new Quantity(3, GoodsUnit.LOT), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: goods on 1925-06-01 must say what they are"))
                .expectNoEvents();
    }

    @Test
    void anUnknownOrDissolvedSectionReceivesNoGoods() {
        Quantity grain = new Quantity(10, GoodsUnit.POOD);
        fixture.givenNoPriorActivity()
                .when(new DonateGoods(DE, DAY, "dockers", "grain", grain, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot receive goods 10 pood on 1925-06-01"))
                .expectNoEvents();
        fixture.given(FOUNDED, BANNED)
                .when(new DonateGoods(DE, DISSOLVED_ON, "dockers", "grain", grain, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("was dissolved on 1933-03-01: cannot receive goods 10 pood on 1933-03-01"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new DonateGoods(DE, LocalDate.of(1924, 1, 1), "dockers", "grain", grain, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("was founded on 1924-03-18: cannot receive goods 10 pood on 1924-01-01"))
                .expectNoEvents();
    }

    // ---- dissolution ----

    @Test
    void isDissolvedOrBanned() {
        fixture.given(FOUNDED)
                .when(new DissolveSection(DE, DISSOLVED_ON, DissolutionReason.BANNED, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(BANNED);
    }

    @Test
    void isDissolvedOnlyOnce() {
        fixture.given(FOUNDED, BANNED)
                .when(new DissolveSection(DE, LocalDate.of(1934, 1, 1), DissolutionReason.DISSOLVED, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE was dissolved on 1933-03-01: cannot be dissolved on 1934-01-01"))
                .expectNoEvents();
    }

    @Test
    void aDissolutionNeedsAReason() {
        fixture.given(FOUNDED)
                .when(new DissolveSection(DE, DISSOLVED_ON, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: dissolution on 1933-03-01 needs a reason"))
                .expectNoEvents();
    }

    @Test
    void isNotDissolvedBeforeItWasFoundedOrWhenUnknown() {
        fixture.given(FOUNDED)
                .when(new DissolveSection(DE, LocalDate.of(1923, 12, 31), DissolutionReason.DISSOLVED, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(allOf(containsString("section hist/section/DE was founded on 1924-03-18"),
                        containsString("cannot be dissolved on 1923-12-31")))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DissolveSection(DE, DISSOLVED_ON, DissolutionReason.DISSOLVED, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE has not been founded: cannot be dissolved on 1933-03-01"))
                .expectNoEvents();
    }

    @Test
    void sectionsOfOtherRunsAndCodesAreNamedAsTheyAre() {
        SectionId su = SectionId.of("what-if-1", "SU");
        fixture.givenNoPriorActivity()
                .when(new ReportMembership(su, DAY, 100, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section what-if-1/section/SU has not been founded"))
                .expectNoEvents();
    }
}
