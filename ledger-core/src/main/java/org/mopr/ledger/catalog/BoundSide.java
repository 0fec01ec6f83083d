package org.mopr.ledger.catalog;

/** Which side of a {@link ValueType#BOUND} the figure lies on. */
public enum BoundSide {
    AT_LEAST(">="),
    AT_MOST("<="),
    MORE_THAN(">"),
    LESS_THAN("<");

    private final String symbol;

    BoundSide(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
