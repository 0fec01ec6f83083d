package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.projection.rates.MoneyFigure;

import java.time.LocalDate;

/** Money that moved from one account to another in a period and currency, and in how many movements. */
public record FlowFigure(String fromAccount, String toAccount, LocalDate periodStart, MoneyFigure amount, long movements) {
}
