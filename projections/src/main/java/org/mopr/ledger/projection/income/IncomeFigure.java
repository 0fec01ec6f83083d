package org.mopr.ledger.projection.income;

import org.mopr.ledger.projection.rates.MoneyFigure;

import java.time.LocalDate;

/** Dues or donations of a section in a period and currency: the sum (native, and converted if asked) and the count. */
public record IncomeFigure(String section, IncomeKind kind, LocalDate periodStart, MoneyFigure amount, long entries) {
}
