package org.mopr.ledger.money;

import org.mopr.ledger.shared.DomainException;

/**
 * A quantity of goods in kind (grain in poods, tobacco, a harvest) with its unit. Goods are not money:
 * they are counted, not priced, unless a scenario prices them explicitly.
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

    public Quantity plus(Quantity other) {
        if (other.unit != unit) {
            throw new DomainException("cannot add " + other + " to " + this + ": units differ");
        }
        return new Quantity(Math.addExact(amount, other.amount), unit);
    }

    @Override
    public String toString() {
        return amount + " " + unit.symbol();
    }
}
