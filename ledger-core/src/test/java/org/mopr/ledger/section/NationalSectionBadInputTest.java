package org.mopr.ledger.section;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

import java.util.Arrays;

import static org.hamcrest.Matchers.containsString;
import static org.mopr.ledger.section.SectionHistory.DAY;
import static org.mopr.ledger.section.SectionHistory.DE;
import static org.mopr.ledger.section.SectionHistory.DOC;
import static org.mopr.ledger.section.SectionHistory.FOUNDED;
import static org.mopr.ledger.section.SectionHistory.dues;
import static org.mopr.ledger.section.SectionHistory.usd;

/** Input a stranger's scenario can send that must be refused by name, never by a NullPointer or overflow. */
class NationalSectionBadInputTest {

    private FixtureConfiguration<NationalSection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NationalSection.class);
    }

    @Test
    void refusesAnEmptyLineInABatch() {
        fixture.given(FOUNDED)
                .when(new CollectDues(DE, Arrays.asList(new DuesLine(DAY, "cell 1", usd(100)), null), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("empty line"))
                .expectNoEvents();
    }

    @Test
    void refusesABalanceThatWouldOverflow() {
        fixture.given(FOUNDED, dues(usd(Long.MAX_VALUE)))
                .when(new CollectDues(DE, java.util.List.of(new DuesLine(DAY, "cell 2", usd(1))), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("overflows"))
                .expectNoEvents();
    }

    @Test
    void aBadAidCountryNamesTheSendingSection() {
        fixture.given(FOUNDED, dues(usd(1_000)))
                .when(new SendSectionAid(DE, DAY, "germany", AidPurpose.LEGAL, usd(100), false, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("section hist/section/DE cannot send aid"))
                .expectNoEvents();
    }

    @Test
    void moneyOverflowIsADomainError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                .isInstanceOf(DomainException.class).hasMessageContaining("overflows");
    }
}
