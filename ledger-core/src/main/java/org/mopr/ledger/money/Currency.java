package org.mopr.ledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;

import java.util.Set;

/**
 * An ISO-like currency code with the number of minor-unit digits. Only codes listed in
 * {@code money/currencies.yaml} (or a loaded source folder's {@code units.yaml}) are accepted, so a typo in a scenario ("USd", "FRN") is an error instead of a new currency.
 */
public record Currency(String code) implements Comparable<Currency> {

    public static final Currency USD = new Currency("USD");
    public static final Currency FRF = new Currency("FRF");
    public static final Currency XRG = new Currency("XRG");

    public Currency {
        if (Units.currencyDigits(code) == null) {
            throw new DomainException("unknown currency '" + code + "': known are " + known());
        }
    }

    @JsonCreator
    public static Currency of(String code) {
        return new Currency(code);
    }

    public static Set<String> known() {
        return Units.currencyCodes();
    }

    public int minorDigits() {
        return Units.currencyDigits(code);
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public int compareTo(Currency other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
