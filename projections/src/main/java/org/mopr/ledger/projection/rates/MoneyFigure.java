package org.mopr.ledger.projection.rates;

import org.mopr.ledger.money.Money;

/** A projected amount: always in its native currency, and beside it the conversion when one was asked for. */
public record MoneyFigure(Money amount, Conversion converted) {

    public static MoneyFigure nativeOnly(Money amount) {
        return new MoneyFigure(amount, null);
    }
}
