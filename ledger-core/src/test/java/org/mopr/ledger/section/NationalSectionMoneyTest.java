package org.mopr.ledger.section;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mopr.ledger.fund.BalancedMovements.everyMoneyMovementBalanced;
import static org.mopr.ledger.section.SectionHistory.BANNED;
import static org.mopr.ledger.section.SectionHistory.DAY;
import static org.mopr.ledger.section.SectionHistory.DE;
import static org.mopr.ledger.section.SectionHistory.DISSOLVED_ON;
import static org.mopr.ledger.section.SectionHistory.DOC;
import static org.mopr.ledger.section.SectionHistory.FOUNDED;
import static org.mopr.ledger.section.SectionHistory.FOUNDED_ON;
import static org.mopr.ledger.section.SectionHistory.dem;
import static org.mopr.ledger.section.SectionHistory.dues;
import static org.mopr.ledger.section.SectionHistory.usd;

/** Dues, donations, aid and remittances: the section's fund, in the currencies it keeps, never below zero unasked. */
class NationalSectionMoneyTest {

    private static final RunId RUN = DE.run();
    private static final FundId CENTRAL = FundId.central(RUN);
    private static final String FUND = "section/DE/fund";

    private FixtureConfiguration<NationalSection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalSection.class);
    }

    private static CollectDues batch(DuesLine... lines) {
        return new CollectDues(DE, List.of(lines), DOC);
    }

    // ---- dues ----

    @Test
    void collectsABatchOfDuesAsOneEventPerLineInOrder() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)),
                        new DuesLine(DAY.plusDays(1), "cell 2", usd(25)),
                        new DuesLine(FOUNDED_ON, "cell 3", dem(40))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DuesCollected(DE, DAY, "cell 1", dem(120), DOC),
                        new DuesCollected(DE, DAY.plusDays(1), "cell 2", usd(25), DOC),
                        new DuesCollected(DE, FOUNDED_ON, "cell 3", dem(40), DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void collectsAFullBatchOfMaxLines() {
        List<DuesLine> lines = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < CollectDues.MAX_LINES; i++) {
            lines.add(new DuesLine(DAY, "member " + i, dem(10)));
            expected.add(new DuesCollected(DE, DAY, "member " + i, dem(10), DOC));
        }
        fixture.given(FOUNDED)
                .when(new CollectDues(DE, lines, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected.toArray());
    }

    @Test
    void refusesAnEmptyBatch() {
        fixture.given(FOUNDED)
                .when(new CollectDues(DE, List.of(), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: a dues batch needs at least one line"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new CollectDues(DE, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("a dues batch needs at least one line"))
                .expectNoEvents();
    }

    @Test
    void refusesABatchOverMaxLines() {
        List<DuesLine> lines = Collections.nCopies(CollectDues.MAX_LINES + 1, new DuesLine(DAY, "member", dem(10)));
        fixture.given(FOUNDED)
                .when(new CollectDues(DE, lines, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: a dues batch holds at most 10000 lines, got 10001"))
                .expectNoEvents();
    }

    @Test
    void oneNegativeLineStoresNothingOfTheBatch() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)),
                        new DuesLine(DAY, "cell 2", dem(-100)),
                        new DuesLine(DAY, "cell 3", dem(40))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: dues from cell 2 on 1925-06-01 must be positive, was -1.00 DEM"))
                .expectNoEvents();
    }

    @Test
    void oneZeroLineStoresNothingOfTheBatch() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)), new DuesLine(DAY, "cell 2", dem(0))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("dues from cell 2 on 1925-06-01 must be positive, was 0.00 DEM"))
                .expectNoEvents();
    }

    @Test
    void oneLineInACurrencyTheSectionDoesNotKeepStoresNothing() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)), new DuesLine(DAY, "cell 2", Money.of(500, "FRF"))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE keeps [DEM, USD], not FRF: "
                        + "dues from cell 2 on 1925-06-01 of 5.00 FRF refused"))
                .expectNoEvents();
    }

    @Test
    void oneLineDatedBeforeTheFoundingStoresNothing() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)), new DuesLine(LocalDate.of(1924, 3, 17), "cell 2", dem(5))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE was founded on 1924-03-18: "
                        + "cannot collect dues of 0.05 DEM on 1924-03-17, before it existed"))
                .expectNoEvents();
    }

    @Test
    void oneLineOnTheDissolutionDayStoresNothing() {
        fixture.given(FOUNDED, BANNED)
                .when(batch(new DuesLine(DISSOLVED_ON.minusDays(1), "cell 1", dem(120)),
                        new DuesLine(DISSOLVED_ON, "cell 2", dem(5))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE was dissolved on 1933-03-01: cannot collect dues of 0.05 DEM on 1933-03-01"))
                .expectNoEvents();
    }

    @Test
    void oneLineWithoutAmountOrDateStoresNothing() {
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)), new DuesLine(DAY, "cell 2", null)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: dues from cell 2 on 1925-06-01 has no amount"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(batch(new DuesLine(DAY, "cell 1", dem(120)), new DuesLine(null, "cell 2", dem(5))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: cannot collect dues of 0.05 DEM without a date"))
                .expectNoEvents();
    }

    @Test
    void anUnknownSectionCollectsNoDues() {
        fixture.givenNoPriorActivity()
                .when(batch(new DuesLine(DAY, "cell 1", dem(120))))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot collect dues of 1.20 DEM on 1925-06-01"))
                .expectNoEvents();
    }

    // ---- donations ----

    @Test
    void receivesADonation() {
        fixture.given(FOUNDED)
                .when(new ReceiveDonation(DE, DAY, "Berlin metalworkers", dem(50_000), DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DonationReceived(DE, DAY, "Berlin metalworkers", dem(50_000), DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void refusesAZeroOrNegativeDonation() {
        fixture.given(FOUNDED)
                .when(new ReceiveDonation(DE, DAY, "rally", dem(0), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: donation from rally on 1925-06-01 must be positive, was 0.00 DEM"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReceiveDonation(DE, DAY, "rally", usd(-1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must be positive, was -0.01 USD"))
                .expectNoEvents();
    }

    @Test
    void refusesADonationInACurrencyTheSectionDoesNotKeep() {
        fixture.given(FOUNDED)
                .when(new ReceiveDonation(DE, DAY, "rally", Money.of(1_000, "GBP"), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE keeps [DEM, USD], not GBP: donation from rally on 1925-06-01 of 10.00 GBP refused"))
                .expectNoEvents();
    }

    @Test
    void receivesNoDonationWhenUnknownBeforeFoundingOrAfterDissolution() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveDonation(DE, DAY, "rally", dem(100), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot receive a donation of 1.00 DEM on 1925-06-01"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReceiveDonation(DE, LocalDate.of(1922, 11, 7), "rally", dem(100), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "was founded on 1924-03-18: cannot receive a donation of 1.00 DEM on 1922-11-07, before it existed"))
                .expectNoEvents();
        fixture.given(FOUNDED, BANNED)
                .when(new ReceiveDonation(DE, LocalDate.of(1933, 6, 1), "rally", dem(100), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "was dissolved on 1933-03-01: cannot receive a donation of 1.00 DEM on 1933-06-01"))
                .expectNoEvents();
    }

    // ---- aid ----

    @Test
    void sendsAidItsFundCanCover() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.MATERIAL, dem(6_000), false, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AidSent(RUN, FUND, DAY, "PL", AidPurpose.MATERIAL, dem(6_000), false, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void duesAndDonationsTogetherCoverExactlyTheirSum() {
        fixture.given(FOUNDED, dues(dem(10_000)), new DonationReceived(DE, DAY, "rally", dem(2_500), DOC))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, dem(12_500), false, DOC))
                .expectEvents(new AidSent(RUN, FUND, DAY, "PL", AidPurpose.LEGAL, dem(12_500), false, DOC));
    }

    @Test
    void refusesAidBeyondTheFundWithoutOverdraft() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.MATERIAL, dem(10_001), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE holds 100.00 DEM in section/DE/fund "
                        + "and cannot pay out 100.01 DEM unless the scenario allows an overdraft"))
                .expectNoEvents();
    }

    @Test
    void sendsAidBeyondTheFundWhenTheScenarioAllowsAnOverdraft() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.MATERIAL, dem(15_000), true, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AidSent(RUN, FUND, DAY, "PL", AidPurpose.MATERIAL, dem(15_000), true, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void aFundAlreadyOverdrawnStaysRefusedWithoutOverdraft() {
        fixture.given(FOUNDED, dues(dem(10_000)),
                        new AidSent(RUN, FUND, DAY, "PL", AidPurpose.MATERIAL, dem(15_000), true, DOC))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.MATERIAL, dem(1), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds -50.00 DEM in section/DE/fund and cannot pay out 0.01 DEM"))
                .expectNoEvents();
    }

    @Test
    void dollarsInTheFundDoNotCoverReichsmarkAid() {
        fixture.given(FOUNDED, dues(usd(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.MATERIAL, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds 0.00 DEM in section/DE/fund and cannot pay out 1.00 DEM"))
                .expectNoEvents();
    }

    @Test
    void refusesAidToSomethingThatIsNoCountryCode() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "Poland", AidPurpose.MATERIAL, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("'Poland'"))
                .expectNoEvents();
    }

    @Test
    void refusesAidWithoutPurpose() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", null, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE: aid of 1.00 DEM needs a purpose"))
                .expectNoEvents();
    }

    @Test
    void refusesZeroNegativeAndForeignCurrencyAid() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, dem(0), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: aid to PL on 1925-06-01 must be positive, was 0.00 DEM"))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, dem(-300), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must be positive, was -3.00 DEM"))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, Money.of(300, "XRG"), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE keeps [DEM, USD], not XRG: aid to PL on 1925-06-01 of 3.00 XRG refused"))
                .expectNoEvents();
    }

    @Test
    void sendsNoAidWhenUnknownBeforeFoundingOrAfterDissolution() {
        fixture.givenNoPriorActivity()
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, dem(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot send aid of 1.00 DEM on 1925-06-01"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new SendSectionAid(DE, LocalDate.of(1923, 1, 1), "PL", AidPurpose.LEGAL, dem(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "was founded on 1924-03-18: cannot send aid of 1.00 DEM on 1923-01-01, before it existed"))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)), BANNED)
                .when(new SendSectionAid(DE, DISSOLVED_ON, "PL", AidPurpose.LEGAL, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "was dissolved on 1933-03-01: cannot send aid of 1.00 DEM on 1933-03-01"))
                .expectNoEvents();
    }

    // ---- remittances to a central fund ----

    @Test
    void remitsToAFundOfItsRun() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, CENTRAL, dem(4_000), false, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsRemitted(DE, DAY, CENTRAL, dem(4_000), false, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void aRemittanceReducesWhatIsLeftForAid() {
        fixture.given(FOUNDED, dues(dem(10_000)), new FundsRemitted(DE, DAY, CENTRAL, dem(4_000), false, DOC))
                .when(new SendSectionAid(DE, DAY, "PL", AidPurpose.LEGAL, dem(6_001), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds 60.00 DEM in section/DE/fund and cannot pay out 60.01 DEM"))
                .expectNoEvents();
    }

    @Test
    void refusesARemittanceBeyondTheFundWithoutOverdraft() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, CENTRAL, dem(20_000), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE holds 100.00 DEM in section/DE/fund "
                        + "and cannot pay out 200.00 DEM unless the scenario allows an overdraft"))
                .expectNoEvents();
    }

    @Test
    void remitsBeyondTheFundWhenTheScenarioAllowsAnOverdraft() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, CENTRAL, dem(20_000), true, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FundsRemitted(DE, DAY, CENTRAL, dem(20_000), true, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void remitsOnlyToAFundOfItsOwnRun() {
        FundId elsewhere = FundId.central(RunId.of("what-if"));
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, elsewhere, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE can only remit to a fund of its own run, not what-if/fund/central"))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, null, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("can only remit to a fund of its own run, not null"))
                .expectNoEvents();
    }

    @Test
    void refusesZeroAndForeignCurrencyRemittances() {
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, CENTRAL, dem(0), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE: remittance to hist/fund/central on 1925-06-01 must be positive, was 0.00 DEM"))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)))
                .when(new RemitToFund(DE, DAY, CENTRAL, Money.of(100, "CHF"), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("keeps [DEM, USD], not CHF: "
                        + "remittance to hist/fund/central on 1925-06-01 of 1.00 CHF refused"))
                .expectNoEvents();
    }

    @Test
    void remitsNothingWhenUnknownBeforeFoundingOrAfterDissolution() {
        fixture.givenNoPriorActivity()
                .when(new RemitToFund(DE, DAY, CENTRAL, dem(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "section hist/section/DE has not been founded: cannot remit 1.00 DEM on 1925-06-01"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new RemitToFund(DE, FOUNDED_ON.minusDays(1), CENTRAL, dem(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(allOf(containsString("was founded on 1924-03-18"),
                        containsString("cannot remit 1.00 DEM on 1924-03-17")))
                .expectNoEvents();
        fixture.given(FOUNDED, dues(dem(10_000)), BANNED)
                .when(new RemitToFund(DE, DISSOLVED_ON.plusDays(1), CENTRAL, dem(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("was dissolved on 1933-03-01: cannot remit 1.00 DEM on 1933-03-02"))
                .expectNoEvents();
    }

    // ---- postings of the section's money events ----

    @Test
    void everyMoneyEventOfTheSectionPostsBalancedLegsToTheRightAccounts() {
        DuesCollected dues = new DuesCollected(DE, DAY, "cell 1", dem(120), DOC);
        DonationReceived donation = new DonationReceived(DE, DAY, "rally", usd(300), DOC);
        FundsRemitted remitted = new FundsRemitted(DE, DAY, CENTRAL, dem(80), false, DOC);

        assertThat(dues.postings()).extracting(p -> p.account() + " " + p.amount())
                .containsExactly("section/DE/fund 1.20 DEM", "section/DE/members -1.20 DEM");
        assertThat(donation.postings()).extracting(p -> p.account() + " " + p.amount())
                .containsExactly("section/DE/fund 3.00 USD", "section/DE/donors -3.00 USD");
        assertThat(remitted.postings()).extracting(p -> p.account() + " " + p.amount())
                .containsExactly("clearing/central 0.80 DEM", "section/DE/fund -0.80 DEM");
    }
}
