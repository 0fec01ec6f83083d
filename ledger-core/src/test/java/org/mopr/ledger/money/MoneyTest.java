package org.mopr.ledger.money;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesWholeAndDecimalAmountsIntoMinorUnits() {
        assertThat(Money.parse("48265", "USD")).isEqualTo(new Money(4_826_500, Currency.USD));
        assertThat(Money.parse("48265.5", "FRF")).isEqualTo(new Money(4_826_550, Currency.FRF));
        assertThat(Money.parse(" 0.07 ", "XRG")).isEqualTo(new Money(7, Currency.XRG));
        assertThat(Money.parse("-3.25", "USD")).isEqualTo(new Money(-325, Currency.USD));
    }

    @Test
    void printsTheAmountWithItsCurrencysMinorDigits() {
        assertThat(Money.of(4_826_500, "USD").toString()).isEqualTo("48265.00 USD");
        assertThat(Money.of(-7, "XRG").toDecimalString()).isEqualTo("-0.07");
        assertThat(Money.zero(Currency.FRF).toString()).isEqualTo("0.00 FRF");
    }

    @Test
    void refusesMoreDecimalPlacesThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.005", "USD"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("1.005")
                .hasMessageContaining("USD")
                .hasMessageContaining("more than 2 decimal places");
    }

    @Test
    void refusesTextThatIsNoNumber() {
        assertThatThrownBy(() -> Money.parse("12,50", "FRF"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("'12,50' FRF is not a decimal number");
    }

    @Test
    void refusesAMissingAmountWithADomainError() {
        assertThatThrownBy(() -> Money.parse(null, "FRF"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("FRF");
    }

    @Test
    void refusesAnAmountBeyondTheMinorUnitRange() {
        assertThatThrownBy(() -> Money.parse("92233720368547758.08", "USD"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("92233720368547758.08 USD is too large");
    }

    @Test
    void refusesAnUnknownCurrencyWhenParsing() {
        assertThatThrownBy(() -> Money.parse("10", "FRN"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("unknown currency 'FRN'");
    }

    @Test
    void refusesMoneyWithoutCurrency() {
        assertThatThrownBy(() -> new Money(5, null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("5 minor units has no currency");
    }

    @Test
    void addsAndSubtractsWithinOneCurrency() {
        Money a = Money.of(1_000, "USD");
        Money b = Money.of(250, "USD");
        assertThat(a.plus(b)).isEqualTo(Money.of(1_250, "USD"));
        assertThat(a.minus(b)).isEqualTo(Money.of(750, "USD"));
        assertThat(b.minus(a)).isEqualTo(Money.of(-750, "USD"));
        assertThat(a.negate()).isEqualTo(Money.of(-1_000, "USD"));
    }

    @Test
    void neverAddsSubtractsOrComparesAcrossCurrencies() {
        Money dollars = Money.of(100, "USD");
        Money francs = Money.of(100, "FRF");
        assertThatThrownBy(() -> dollars.plus(francs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("cannot add 1.00 FRF to/from 1.00 USD")
                .hasMessageContaining("currencies USD and FRF never mix");
        assertThatThrownBy(() -> dollars.minus(francs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("cannot subtract 1.00 FRF");
        assertThatThrownBy(() -> dollars.compareTo(francs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("cannot compare");
    }

    @Test
    void signPredicates() {
        assertThat(Money.of(-1, "USD").isNegative()).isTrue();
        assertThat(Money.of(-1, "USD").isPositive()).isFalse();
        assertThat(Money.of(0, "USD").isZero()).isTrue();
        assertThat(Money.of(0, "USD").isPositive()).isFalse();
        assertThat(Money.of(1, "USD").isPositive()).isTrue();
        assertThat(Money.of(1, "USD").isZero()).isFalse();
    }

    @Test
    void requirePositiveRefusesZeroAndNegativeNamingTheAmount() {
        assertThat(Money.of(1, "XRG").requirePositive("gift")).isEqualTo(Money.of(1, "XRG"));
        assertThatThrownBy(() -> Money.of(0, "XRG").requirePositive("gift of the Moscow collective"))
                .isInstanceOf(DomainException.class)
                .hasMessage("gift of the Moscow collective must be positive, was 0.00 XRG");
        assertThatThrownBy(() -> Money.of(-150, "XRG").requirePositive("gift"))
                .isInstanceOf(DomainException.class)
                .hasMessage("gift must be positive, was -1.50 XRG");
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(Money.of(5, "USD")).isLessThan(Money.of(6, "USD"));
        assertThat(Money.of(6, "USD").compareTo(Money.of(6, "USD"))).isZero();
    }
}
