package org.mopr.ledger.money;

import org.mopr.ledger.shared.DomainException;

import java.math.BigDecimal;

/**
 * A quantity of goods in kind (grain in poods, tobacco, a harvest) in minor units of its unit (whole units for a
 * unit of 0 minor digits). Goods are not money: they are counted, not priced, unless a scenario prices them
 * explicitly; and, as money never mixes currencies, quantities of different units are never added.
 */
public record Quantity(long amount, GoodsUnit unit) {

    public Quantity {
        if (unit == null) {
            throw new DomainException("quantity " + amount + " has no unit");
        }
        if (amount < 0) {
            throw new DomainException("quantity must not be negative, was " + amount + " " + unit);
        }
    }

    /** A figure as written ("2000", "1.250"): refused with more decimals than the unit keeps. */
    public static Quantity parse(BigDecimal figure, GoodsUnit unit) {
        if (figure.stripTrailingZeros().scale() > unit.minorDigits()) {
            throw new DomainException("quantity " + figure.toPlainString() + " has more decimals than the unit "
                    + unit.code() + " keeps (" + unit.minorDigits() + ")");
        }
        return new Quantity(figure.movePointRight(unit.minorDigits()).setScale(0).longValueExact(), unit);
    }

    public Quantity plus(Quantity other) {
        if (!other.unit.equals(unit)) {
            throw new DomainException("cannot add " + other + " to " + this + ": units differ");
        }
        return new Quantity(Math.addExact(amount, other.amount), unit);
    }

    /** The amount in whole units, with the unit's decimals. */
    public BigDecimal value() {
        return BigDecimal.valueOf(amount, unit.minorDigits());
    }

    @Override
    public String toString() {
        return value().toPlainString() + " " + unit.symbol();
    }
}
