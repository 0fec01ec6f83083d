package org.mopr.ledger.projection.query;

/** How figures over a range are grouped: per month, per calendar year, or one total for the whole range. */
public enum Period {
    MONTH,
    YEAR,
    TOTAL;

    /** The SQL expression of a row's period start, for a table whose {@code month} column is a first-of-month date. */
    public String startOf(String monthColumn) {
        return switch (this) {
            case MONTH -> monthColumn;
            case YEAR -> "date_trunc('year', " + monthColumn + ")::date";
            case TOTAL -> "?::date";
        };
    }
}
