package org.mopr.ledger.projection.income;

import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.projection.rates.MoneyFigure;

import java.time.LocalDate;

/**
 * Aid paid from an account (a section's fund or a central fund) to a country, for a purpose, in a period and
 * currency; {@code overdrafts} counts the payments that took the fund below zero by the scenario's leave.
 */
public record AidFigure(String fromAccount, String country, AidPurpose purpose, LocalDate periodStart,
                        MoneyFigure amount, long entries, long overdrafts) {
}
