package org.mopr.ledger.money;

import org.mopr.ledger.shared.DomainException;

import java.math.BigDecimal;

/**
 * An amount of money: a whole number of minor units and its currency. Never a double, never added across
 * currencies: conversion is a report's business, through a dated rate table.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        if (currency == null) {
            throw new DomainException("money of " + minor + " minor units has no currency");
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, Currency.of(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Parses a decimal amount such as "48265" or "48265.50" exactly, refusing more digits than the currency has. */
    public static Money parse(String decimal, String currency) {
        Currency c = Currency.of(currency);
        if (decimal == null) {
            throw new DomainException("amount in " + currency + " is missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(decimal.trim());
        } catch (NumberFormatException e) {
            throw new DomainException("amount '" + decimal + "' " + currency + " is not a decimal number");
        }
        if (value.scale() > c.minorDigits()) {
            throw new DomainException("amount " + decimal + " " + currency + " has more than "
                    + c.minorDigits() + " decimal places");
        }
        try {
            return new Money(value.movePointRight(c.minorDigits()).longValueExact(), c);
        } catch (ArithmeticException e) {
            throw new DomainException("amount " + decimal + " " + currency + " is too large");
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        try {
            return new Money(Math.addExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw new DomainException(this + " + " + other + " overflows the ledger's 64-bit minor units");
        }
    }

    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        try {
            return new Money(Math.subtractExact(minor, other.minor), currency);
        } catch (ArithmeticException e) {
            throw new DomainException(this + " - " + other + " overflows the ledger's 64-bit minor units");
        }
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /** Refuses a non-positive amount, naming it, where a command needs money that actually moves. */
    public Money requirePositive(String what) {
        if (minor <= 0) {
            throw new DomainException(what + " must be positive, was " + this);
        }
        return this;
    }

    public void requireSameCurrency(Money other, String operation) {
        if (!currency.equals(other.currency)) {
            throw new DomainException("cannot " + operation + " " + other + " to/from " + this
                    + ": currencies " + currency + " and " + other.currency + " never mix");
        }
    }

    /** The amount as a decimal string for people, for example "48265.00". */
    public String toDecimalString() {
        return BigDecimal.valueOf(minor, currency.minorDigits()).toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return Long.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
