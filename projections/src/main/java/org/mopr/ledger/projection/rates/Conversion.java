package org.mopr.ledger.projection.rates;

import org.mopr.ledger.money.Money;

import java.time.LocalDate;

/**
 * A figure converted into another currency, with the rate and the day whose rate was used. {@code rate} is null
 * only when the figure already was in the wanted currency (nothing was converted).
 */
public record Conversion(Money converted, LocalDate rateOn, RateUsed rate) {
}
