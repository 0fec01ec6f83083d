package org.mopr.ledger.projection.rates;

import org.mopr.ledger.money.Currency;

/**
 * A request to show figures also in {@code currency}, through the run's declared rate table {@code table}
 * (null: the run's only table).
 */
public record ConvertTo(String table, Currency currency) {

    public ConvertTo {
        if (currency == null) {
            throw new IllegalArgumentException("a conversion needs the currency to convert into");
        }
    }
}
