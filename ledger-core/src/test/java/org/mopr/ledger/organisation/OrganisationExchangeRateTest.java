package org.mopr.ledger.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.rates.DeclareExchangeRate;
import org.mopr.ledger.rates.ExchangeRateDeclared;
import org.mopr.ledger.shared.DomainException;

import java.time.LocalDate;

import static org.hamcrest.Matchers.containsString;
import static org.mopr.ledger.organisation.OrganisationTest.DOC;
import static org.mopr.ledger.organisation.OrganisationTest.FOUNDED;
import static org.mopr.ledger.organisation.OrganisationTest.MOPR;

/** Exchange rates are declared on the organisation: dated, between two currencies, cited or flagged as assumed. */
class OrganisationExchangeRateTest {

    private static final Currency DEM = Currency.of("DEM");
    private static final LocalDate FROM = LocalDate.of(1925, 1, 1);
    private static final LocalDate TO = LocalDate.of(1925, 12, 31);

    private FixtureConfiguration<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    private static DeclareExchangeRate rate(Currency from, Currency to, LocalDate validFrom, LocalDate validTo,
                                            long numerator, long denominator, String citation, boolean assumption) {
        return new DeclareExchangeRate(MOPR, "historical", from, to, validFrom, validTo, numerator, denominator,
                citation, assumption, DOC);
    }

    @Test
    void declaresACitedRate() {
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, TO, 42, 10, "seed 003, rates table", false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExchangeRateDeclared(MOPR, "historical", Currency.USD, DEM, FROM, TO, 42, 10,
                        "seed 003, rates table", false, DOC));
    }

    @Test
    void declaresAnAssumedRateForASingleDay() {
        fixture.given(FOUNDED)
                .when(rate(Currency.XRG, Currency.USD, FROM, FROM, 515, 1000, null, true))
                .expectEvents(new ExchangeRateDeclared(MOPR, "historical", Currency.XRG, Currency.USD, FROM, FROM, 515, 1000,
                        null, true, DOC));
    }

    @Test
    void aRateIsCitedOrAssumedExactlyOnce() {
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, TO, 42, 10, " ", false))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "rate USD->DEM from 1925-01-01: give either a citation or the assumption flag, exactly one"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, TO, 42, 10, "seed 003", true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("give either a citation or the assumption flag, exactly one"))
                .expectNoEvents();
    }

    @Test
    void aRateJoinsTwoDifferentCurrencies() {
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, Currency.USD, FROM, TO, 1, 1, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("rate USD->USD from 1925-01-01: needs two different currencies"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(rate(null, Currency.USD, FROM, TO, 1, 1, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("rate null->USD from 1925-01-01: needs two different currencies"))
                .expectNoEvents();
    }

    @Test
    void aRateIsValidForAPeriodThatDoesNotEndBeforeItBegins() {
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, FROM.minusDays(1), 42, 10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "rate USD->DEM from 1925-01-01: valid-to 1924-12-31 is before valid-from"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, null, 42, 10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("valid-to null is before valid-from"))
                .expectNoEvents();
    }

    @Test
    void aRateIsAPositiveFraction() {
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, TO, 0, 10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("rate USD->DEM from 1925-01-01: 0/10 must be positive"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, FROM, TO, 42, -10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("42/-10 must be positive"))
                .expectNoEvents();
    }

    @Test
    void noRateBeforeTheOrganisationExists() {
        fixture.givenNoPriorActivity()
                .when(rate(Currency.USD, DEM, FROM, TO, 42, 10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "organisation hist/organisation/mopr has not been founded: cannot declare a rate USD->DEM"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(rate(Currency.USD, DEM, LocalDate.of(1921, 1, 1), TO, 42, 10, null, true))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "was founded on 1922-11-01: cannot declare a rate USD->DEM on 1921-01-01"))
                .expectNoEvents();
    }
}
