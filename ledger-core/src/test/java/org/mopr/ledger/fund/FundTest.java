package org.mopr.ledger.fund;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mopr.ledger.fund.BalancedMovements.everyMoneyMovementBalanced;

class FundTest {

    private static final RunId RUN = RunId.of("hist");
    private static final FundId CENTRAL = FundId.central(RUN);
    private static final SectionId SU = SectionId.of("hist", "SU");
    private static final Provenance DOC = Provenance.documented("claim-fund-1");
    private static final LocalDate OPENED_ON = LocalDate.of(1922, 11, 1);
    private static final LocalDate DAY = LocalDate.of(1923, 3, 18);
    private static final Currency USD = Currency.USD;
    private static final Currency XRG = Currency.XRG;

    private static final FundOpened OPENED = new FundOpened(CENTRAL, "MOPR aid fund", OPENED_ON,
            new TreeSet<>(Set.of(USD, XRG)), DOC);

    private FixtureConfiguration<Fund> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Fund.class);
    }

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    private static Money xrg(long minor) {
        return Money.of(minor, "XRG");
    }

    private static RemittanceReceived remitted(Money amount) {
        return new RemittanceReceived(CENTRAL, LocalDate.of(1923, 1, 10), SU, amount, DOC);
    }

    private static TransactionPosted posted(List<Posting> postings) {
        return new TransactionPosted(CENTRAL, LocalDate.of(1923, 2, 1), "earlier", postings, false, DOC);
    }

    // ---- opening ----

    @Test
    void opensInTheCurrenciesItKeeps() {
        fixture.givenNoPriorActivity()
                .when(new OpenFund(CENTRAL, "MOPR aid fund", OPENED_ON, Set.of(XRG, USD), DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(OPENED);
    }

    @Test
    void opensOnlyOnce() {
        fixture.given(OPENED)
                .when(new OpenFund(CENTRAL, "again", OPENED_ON.plusDays(1), Set.of(USD), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central was already opened on 1922-11-01"))
                .expectNoEvents();
    }

    @Test
    void needsAnOpeningDateAndACurrency() {
        fixture.givenNoPriorActivity()
                .when(new OpenFund(CENTRAL, "MOPR aid fund", OPENED_ON, Set.of(), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central needs an opening date and at least one currency"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OpenFund(CENTRAL, "MOPR aid fund", null, Set.of(USD), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("needs an opening date"))
                .expectNoEvents();
    }

    // ---- remittances ----

    @Test
    void receivesARemittanceFromASectionOfItsRun() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, usd(50_000), DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemittanceReceived(CENTRAL, DAY, SU, usd(50_000), DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void receivesOnTheOpeningDay() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, OPENED_ON, SU, xrg(1), DOC))
                .expectEvents(new RemittanceReceived(CENTRAL, OPENED_ON, SU, xrg(1), DOC));
    }

    @Test
    void aFundNotOpenedReceivesNothing() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, usd(50_000), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central has not been opened: cannot receive a remittance of 500.00 USD"))
                .expectNoEvents();
    }

    @Test
    void receivesNothingBeforeItOpened() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, OPENED_ON.minusDays(1), SU, usd(50_000), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central opened on 1922-11-01: "
                        + "cannot receive a remittance of 500.00 USD on 1922-10-31"))
                .expectNoEvents();
    }

    @Test
    void refusesARemittanceWithoutDate() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, null, SU, usd(50_000), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("cannot receive a remittance of 500.00 USD on null"))
                .expectNoEvents();
    }

    @Test
    void refusesAZeroOrNegativeRemittance() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, usd(0), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central: remittance from hist/section/SU must be positive, was 0.00 USD"))
                .expectNoEvents();
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, usd(-100), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must be positive, was -1.00 USD"))
                .expectNoEvents();
    }

    @Test
    void refusesARemittanceWithoutAmount() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("remittance from hist/section/SU has no amount"))
                .expectNoEvents();
    }

    @Test
    void refusesACurrencyTheFundDoesNotKeep() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SU, Money.of(9_000, "FRF"), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central keeps [USD, XRG], not FRF: remittance from hist/section/SU of 90.00 FRF refused"))
                .expectNoEvents();
    }

    @Test
    void refusesARemittanceFromAnotherRun() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, SectionId.of("what-if", "SU"), usd(50_000), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central only receives remittances from sections of its own run, not what-if/section/SU"))
                .expectNoEvents();
    }

    @Test
    void refusesARemittanceFromNoSection() {
        fixture.given(OPENED)
                .when(new ReceiveRemittance(CENTRAL, DAY, null, usd(50_000), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("only receives remittances from sections of its own run, not null"))
                .expectNoEvents();
    }

    // ---- aid ----

    @Test
    void sendsAidItCanCover() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(30_000), false, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AidSent(RUN, "fund/central", DAY, "DE", AidPurpose.LEGAL, usd(30_000), false, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void sendsExactlyWhatItHolds() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "PL", AidPurpose.PARCELS, usd(50_000), false, DOC))
                .expectEvents(new AidSent(RUN, "fund/central", DAY, "PL", AidPurpose.PARCELS, usd(50_000), false, DOC));
    }

    @Test
    void refusesAidBeyondItsBalanceWithoutOverdraft() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(50_001), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central holds 500.00 USD in fund/central "
                        + "and cannot pay out 500.01 USD unless the scenario allows an overdraft"))
                .expectNoEvents();
    }

    @Test
    void earlierAidReducesWhatIsLeft() {
        fixture.given(OPENED, remitted(usd(50_000)),
                        new AidSent(RUN, "fund/central", DAY, "DE", AidPurpose.LEGAL, usd(30_000), false, DOC))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.MATERIAL, usd(25_000), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds 200.00 USD in fund/central and cannot pay out 250.00 USD"))
                .expectNoEvents();
    }

    @Test
    void dollarsDoNotCoverGoldRubles() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, xrg(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds 0.00 XRG in fund/central and cannot pay out 1.00 XRG"))
                .expectNoEvents();
    }

    @Test
    void sendsAidBeyondItsBalanceWhenTheScenarioAllowsAnOverdraft() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(80_000), true, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AidSent(RUN, "fund/central", DAY, "DE", AidPurpose.LEGAL, usd(80_000), true, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void anAllowedButUnneededOverdraftIsNotRecorded() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(100), true, DOC))
                .expectEvents(new AidSent(RUN, "fund/central", DAY, "DE", AidPurpose.LEGAL, usd(100), false, DOC));
    }

    @Test
    void refusesAidToACountryCodeThatIsNoCode() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "germany", AidPurpose.LEGAL, usd(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("'germany'"))
                .expectNoEvents();
    }

    @Test
    void refusesAidWithoutPurpose() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", null, usd(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central: aid of 1.00 USD needs a purpose"))
                .expectNoEvents();
    }

    @Test
    void refusesZeroNegativeAndForeignCurrencyAid() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(0), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("aid to DE on 1923-03-18 must be positive, was 0.00 USD"))
                .expectNoEvents();
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(-5), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("must be positive, was -0.05 USD"))
                .expectNoEvents();
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, Money.of(500, "GBP"), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("keeps [USD, XRG], not GBP: aid to DE on 1923-03-18 of 5.00 GBP refused"))
                .expectNoEvents();
    }

    @Test
    void aFundNotOpenedSendsNoAid() {
        fixture.givenNoPriorActivity()
                .when(new SendFundAid(CENTRAL, DAY, "DE", AidPurpose.LEGAL, usd(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central has not been opened: cannot send aid of 1.00 USD"))
                .expectNoEvents();
    }

    @Test
    void sendsNoAidBeforeItOpened() {
        fixture.given(OPENED)
                .when(new SendFundAid(CENTRAL, LocalDate.of(1922, 1, 1), "DE", AidPurpose.LEGAL, usd(100), true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("opened on 1922-11-01: cannot send aid of 1.00 USD on 1922-01-01"))
                .expectNoEvents();
    }

    // ---- general transactions ----

    @Test
    void postsATransferBetweenItsOwnAccounts() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", usd(20_000)),
                Posting.credit("fund/central", usd(20_000)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "to legal defence", legs, false, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransactionPosted(CENTRAL, DAY, "to legal defence", legs, false, DOC))
                .expectEventsMatching(everyMoneyMovementBalanced());
    }

    @Test
    void moneyComingInNeedsNoCover() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", xrg(1_000)),
                Posting.credit("grants/comintern", xrg(1_000)));
        fixture.given(OPENED)
                .when(new PostTransaction(CENTRAL, DAY, "grant", legs, false, DOC))
                .expectEvents(new TransactionPosted(CENTRAL, DAY, "grant", legs, false, DOC));
    }

    @Test
    void coverIsCheckedOnTheNetOutflowOfEachAccount() {
        List<Posting> legs = List.of(
                Posting.debit("fund/central/legal", usd(700)), Posting.credit("clearing/central", usd(700)),
                Posting.debit("aid/DE/legal", usd(700)), Posting.credit("fund/central/legal", usd(700)));
        fixture.given(OPENED)
                .when(new PostTransaction(CENTRAL, DAY, "straight through", legs, false, DOC))
                .expectEvents(new TransactionPosted(CENTRAL, DAY, "straight through", legs, false, DOC));
    }

    @Test
    void refusesUnbalancedPostings() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", usd(20_000)),
                Posting.credit("fund/central", usd(19_999)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "to legal defence", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("postings do not balance in USD: debits exceed credits by 0.01 USD"))
                .expectNoEvents();
    }

    @Test
    void refusesASingleLeg() {
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "half", List.of(Posting.debit("fund/central", usd(1))), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("at least two postings, got 1"))
                .expectNoEvents();
    }

    @Test
    void refusesAPostingInACurrencyTheFundDoesNotKeep() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", Money.of(300, "FRF")),
                Posting.credit("donors/paris", Money.of(300, "FRF")));
        fixture.given(OPENED)
                .when(new PostTransaction(CENTRAL, DAY, "Paris collection", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central keeps [USD, XRG], not FRF: posting to fund/central/legal of 3.00 FRF refused"))
                .expectNoEvents();
    }

    @Test
    void refusesPostingsThatTouchNoAccountOfTheFund() {
        List<Posting> legs = List.of(Posting.debit("aid/DE/legal", usd(100)), Posting.credit("clearing/central", usd(100)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "not ours", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "fund hist/fund/central can only post movements that touch its own accounts (fund/central...)"))
                .expectNoEvents();
    }

    @Test
    void anAccountThatOnlySharesThePrefixIsNotTheFunds() {
        List<Posting> legs = List.of(Posting.debit("fund/centralia", usd(100)), Posting.credit("clearing/central", usd(100)));
        fixture.given(OPENED)
                .when(new PostTransaction(CENTRAL, DAY, "lookalike", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("can only post movements that touch its own accounts"))
                .expectNoEvents();
    }

    @Test
    void refusesAZeroLeg() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", usd(0)), Posting.credit("fund/central", usd(0)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "nothing", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central: posting of zero to fund/central/legal in 'nothing'"))
                .expectNoEvents();
    }

    @Test
    void refusesToOverdrawASubAccountWithoutOverdraft() {
        List<Posting> legs = List.of(Posting.debit("aid/DE/legal", usd(100)), Posting.credit("fund/central/legal", usd(100)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "lawyers", legs, false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central holds 0.00 USD in fund/central/legal "
                        + "and cannot pay out 1.00 USD"))
                .expectNoEvents();
    }

    @Test
    void overdrawsASubAccountWhenAllowedAndSaysSo() {
        List<Posting> legs = List.of(Posting.debit("aid/DE/legal", usd(100)), Posting.credit("fund/central/legal", usd(100)));
        fixture.given(OPENED, remitted(usd(50_000)))
                .when(new PostTransaction(CENTRAL, DAY, "lawyers", legs, true, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TransactionPosted(CENTRAL, DAY, "lawyers", legs, true, DOC));
    }

    @Test
    void aSubAccountFilledByAnEarlierTransactionCoversPayments() {
        fixture.given(OPENED, remitted(usd(50_000)), posted(List.of(
                        Posting.debit("fund/central/legal", usd(20_000)), Posting.credit("fund/central", usd(20_000)))))
                .when(new PostTransaction(CENTRAL, DAY, "lawyers", List.of(Posting.debit("aid/DE/legal", usd(20_001)),
                        Posting.credit("fund/central/legal", usd(20_001))), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("holds 200.00 USD in fund/central/legal and cannot pay out 200.01 USD"))
                .expectNoEvents();
    }

    @Test
    void everyCurrencyLeavingOneAccountIsCheckedForCover() {
        // fund/central/legal holds gold rubles but no dollars: the dollar leg overdraws even though the ruble leg is covered.
        fixture.given(OPENED, remitted(xrg(50_000)), posted(List.of(
                        Posting.debit("fund/central/legal", xrg(50_000)), Posting.credit("fund/central", xrg(50_000)))))
                .when(new PostTransaction(CENTRAL, DAY, "lawyers in two currencies", List.of(
                        Posting.debit("aid/DE/legal", usd(100)), Posting.credit("fund/central/legal", usd(100)),
                        Posting.debit("aid/DE/legal", xrg(100)), Posting.credit("fund/central/legal", xrg(100))), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(allOf(containsString("holds 0.00 USD in fund/central/legal"),
                        containsString("cannot pay out 1.00 USD")))
                .expectNoEvents();
    }

    @Test
    void aFundNotOpenedPostsNothing() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", usd(1)), Posting.credit("fund/central", usd(1)));
        fixture.givenNoPriorActivity()
                .when(new PostTransaction(CENTRAL, DAY, "early", legs, true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("fund hist/fund/central has not been opened: cannot post 'early'"))
                .expectNoEvents();
    }

    @Test
    void postsNothingBeforeItOpened() {
        List<Posting> legs = List.of(Posting.debit("fund/central/legal", usd(1)), Posting.credit("fund/central", usd(1)));
        fixture.given(OPENED)
                .when(new PostTransaction(CENTRAL, LocalDate.of(1922, 10, 31), "early", legs, true, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("opened on 1922-11-01: cannot post 'early' on 1922-10-31"))
                .expectNoEvents();
    }
}
