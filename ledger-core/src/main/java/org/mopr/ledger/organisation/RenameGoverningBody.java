package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

/** Central Bureau, then Central Committee (2 March 1923), then Executive Committee (after 1924). */
public record RenameGoverningBody(@TargetAggregateIdentifier OrganisationId organisationId, String newName,
                                  HistoricalDate date, LocalDate placedOn, Provenance provenance) implements LedgerCommand {
}
