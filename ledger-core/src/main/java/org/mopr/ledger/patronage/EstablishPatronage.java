package org.mopr.ledger.patronage;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

/** Workers of a city take patronage of prisoners in a country's prisons (letters, parcels, honorary membership). */
public record EstablishPatronage(@TargetAggregateIdentifier PatronageId patronageId, String cityName,
                                 HistoricalDate period, LocalDate placedOn, Provenance provenance) implements LedgerCommand {
}
