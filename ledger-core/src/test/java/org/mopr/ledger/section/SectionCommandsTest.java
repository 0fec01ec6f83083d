package org.mopr.ledger.section;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.OpenFund;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.shared.CommandBatch;
import org.mopr.ledger.shared.CommandRefusedInBatch;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.mopr.ledger.section.SectionHistory.DAY;
import static org.mopr.ledger.section.SectionHistory.DE;
import static org.mopr.ledger.section.SectionHistory.DOC;
import static org.mopr.ledger.section.SectionHistory.FOUNDED;
import static org.mopr.ledger.section.SectionHistory.FOUNDED_ON;
import static org.mopr.ledger.section.SectionHistory.dem;

/** Commands sent together to a section: each applied by its own handler, in order, or none at all. */
class SectionCommandsTest {

    private static final FoundSection FOUND = new FoundSection(DE, "Rote Hilfe Deutschlands", HistoricalDate.year(1924),
            FOUNDED_ON, Set.of(Currency.of("DEM"), Currency.USD), DOC);
    private static final ReportMembership REPORT = new ReportMembership(DE, DAY, 120_000, DOC);
    private static final ReceiveDonation DONATION = new ReceiveDonation(DE, DAY, "factory collection", dem(5_000), DOC);

    private FixtureConfiguration<NationalSection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalSection.class);
    }

    @Test
    void appliesEachCommandInOrderAsIfSentOneByOne() {
        // The second and third commands need the first's founding: they see the state it applied.
        fixture.givenNoPriorActivity()
                .when(new SectionCommands(DE, List.of(FOUND, REPORT, DONATION)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FOUNDED, new MembershipReported(DE, DAY, 120_000, DOC),
                        new DonationReceived(DE, DAY, "factory collection", dem(5_000), DOC));
    }

    @Test
    void aRefusedCommandRefusesTheWholeBatchAndSaysWhichItWas() {
        ReportMembership negative = new ReportMembership(DE, DAY, -1, DOC);
        fixture.givenNoPriorActivity()
                .when(new SectionCommands(DE, List.of(FOUND, REPORT, negative, DONATION)))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("section hist/section/DE: membership on 1925-06-01 cannot be negative,"
                        + " was -1 (ReportMembership, command 3 of 4 sent together: none of them is stored)"))
                .expectNoEvents();
    }

    @Test
    void aRuleBrokenByAnEarlierCommandOfTheSameBatchIsCaught() {
        // Two foundings in one batch: the second sees the first's, as it would have one command later.
        fixture.givenNoPriorActivity()
                .when(new SectionCommands(DE, List.of(FOUND, FOUND)))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("section hist/section/DE was already founded on 1924-03-18"
                        + " (FoundSection, command 2 of 2 sent together: none of them is stored)"))
                .expectNoEvents();
    }

    @Test
    void aCommandTypeTheSectionDoesNotHandleIsRefused() {
        OpenFund fund = new OpenFund(FundId.central(RunId.of("hist")), "MOPR aid fund", FOUNDED_ON, Set.of(Currency.USD), DOC);
        fixture.given(FOUNDED)
                .when(new SectionCommands(DE, List.of(REPORT, fund)))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("commands sent together to section hist/section/DE: command 2 of 2"
                        + " is a OpenFund, which a section does not handle"))
                .expectNoEvents();
    }

    @Test
    void aBatchInsideABatchIsRefused() {
        fixture.given(FOUNDED)
                .when(new SectionCommands(DE, List.of(new SectionCommands(DE, List.of(REPORT)))))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("commands sent together to section hist/section/DE: command 1 of 1"
                        + " is a SectionCommands, which a section does not handle"))
                .expectNoEvents();
    }

    @Test
    void aCommandForAnotherSectionIsRefused() {
        SectionId fr = SectionId.of("hist", "FR");
        fixture.given(FOUNDED)
                .when(new SectionCommands(DE, List.of(REPORT, new ReportMembership(fr, DAY, 10, DOC))))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("commands sent together to section hist/section/DE: command 2 of 2"
                        + " (ReportMembership) is for hist/section/FR, not for it"))
                .expectNoEvents();
    }

    @Test
    void aBatchHoldsAtLeastOneAndAtMostATransactionsCommands() {
        assertThatThrownBy(() -> new SectionCommands(DE, List.of()))
                .isInstanceOf(DomainException.class).hasMessageContaining("at least one");
        List<Object> tooMany = new ArrayList<>(Collections.nCopies(CommandBatch.MAX_COMMANDS + 1, REPORT));
        assertThatThrownBy(() -> new SectionCommands(DE, tooMany))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most " + CommandBatch.MAX_COMMANDS);
        List<Object> withNull = new ArrayList<>(List.of(REPORT));
        withNull.add(null);
        assertThatThrownBy(() -> new SectionCommands(DE, withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesOnADateOfItsOwnAfterTheBatchFounded() {
        // The founding applied inside the batch moves the section's rules for the rest of it.
        ReportMembership before = new ReportMembership(DE, LocalDate.of(1924, 1, 1), 10, DOC);
        fixture.givenNoPriorActivity()
                .when(new SectionCommands(DE, List.of(FOUND, before)))
                .expectException(CommandRefusedInBatch.class)
                .expectExceptionMessage(equalTo("section hist/section/DE was founded on 1924-03-18: cannot report"
                        + " membership on 1924-01-01, before it existed (ReportMembership, command 2 of 2 sent"
                        + " together: none of them is stored)"))
                .expectNoEvents();
    }
}
