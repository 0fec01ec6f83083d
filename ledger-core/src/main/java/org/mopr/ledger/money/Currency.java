package org.mopr.ledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;

import java.util.Map;
import java.util.Set;

/**
 * An ISO-like currency code with the number of minor-unit digits. Only codes listed in
 * {@code money/currencies.yaml} are accepted, so a typo in a scenario ("USd", "FRN") is an error instead of a new currency.
 */
public record Currency(String code) implements Comparable<Currency> {

    /** Codes and their minor digits, read once from {@code money/currencies.yaml} so a unit is added as data. */
    private static final Map<String, Integer> KNOWN = Units.currencies();

    public static final Currency USD = new Currency("USD");
    public static final Currency FRF = new Currency("FRF");
    public static final Currency XRG = new Currency("XRG");

    public Currency {
        if (code == null || !KNOWN.containsKey(code)) {
            throw new DomainException("unknown currency '" + code + "': known are " + known());
        }
    }

    @JsonCreator
    public static Currency of(String code) {
        return new Currency(code);
    }

    public static Set<String> known() {
        return new java.util.TreeSet<>(KNOWN.keySet());
    }

    public int minorDigits() {
        return KNOWN.get(code);
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
