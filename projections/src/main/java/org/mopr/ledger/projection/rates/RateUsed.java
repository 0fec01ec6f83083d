package org.mopr.ledger.projection.rates;

import java.time.LocalDate;

/**
 * The declared rate a figure was converted with: one unit of {@code from} is {@code numerator/denominator} units
 * of {@code to}. {@code inverse} says the run declared the opposite direction and the conversion divided by it.
 * A rate carries either its citation or the assumption flag, as the scenario declared it.
 */
public record RateUsed(String table, String from, String to, LocalDate validFrom, LocalDate validTo, long numerator,
                       long denominator, String citation, boolean assumption, boolean inverse, long globalIndex) {
}
