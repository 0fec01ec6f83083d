package org.mopr.ledger.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mopr.ledger.shared.DomainException;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrencyTest {

    @Test
    void knowsTheLedgersCurrencies() {
        assertThat(Currency.known()).containsExactly("BGL", "CHF", "CZK", "DEM", "FRF", "GBP", "ITL", "NLG", "PLZ", "RUB", "SEK", "USD", "XCH", "XRG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "FRF", "XRG", "XCH", "RUB", "GBP", "DEM", "CHF", "NLG"})
    void acceptsEveryKnownCodeWithTwoMinorDigits(String code) {
        Currency currency = Currency.of(code);
        assertThat(currency.code()).isEqualTo(code);
        assertThat(currency.toString()).isEqualTo(code);
        assertThat(currency.minorDigits()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "USd", "FRN", "EUR", "", " USD"})
    void refusesATypoInsteadOfInventingACurrency(String code) {
        assertThatThrownBy(() -> Currency.of(code))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("unknown currency '" + code + "'")
                .hasMessageContaining("known are [BGL, CHF, CZK, DEM, FRF, GBP, ITL, NLG, PLZ, RUB, SEK, USD, XCH, XRG]");
    }

    @Test
    void refusesAMissingCode() {
        assertThatThrownBy(() -> Currency.of(null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("unknown currency 'null'");
    }

    @Test
    void constantsAreTheKnownCodes() {
        assertThat(Currency.USD).isEqualTo(Currency.of("USD"));
        assertThat(Currency.FRF).isEqualTo(Currency.of("FRF"));
        assertThat(Currency.XRG).isEqualTo(Currency.of("XRG"));
    }

    @Test
    void ordersByCode() {
        List<Currency> sorted = Stream.of("XRG", "USD", "CHF", "FRF").map(Currency::of).sorted().toList();
        assertThat(sorted).extracting(Currency::code).containsExactly("CHF", "FRF", "USD", "XRG");
    }
}
