package org.mopr.ledger.projection.patronage;

import java.time.LocalDate;

/** A city's collective patronizing prisoners in a country's prisons: since when (as written and placed), until when. */
public record PatronageLink(String city, String cityName, String prisonCountry, String periodAsWritten,
                            String precision, LocalDate earliest, LocalDate latest, LocalDate placedOn,
                            LocalDate endedOn, long establishedIndex, Long endedIndex) {
}
