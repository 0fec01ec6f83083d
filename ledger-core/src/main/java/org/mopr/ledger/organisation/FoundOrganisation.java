package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

public record FoundOrganisation(@TargetAggregateIdentifier OrganisationId organisationId, String name,
                                HistoricalDate founded, LocalDate placedOn, Provenance provenance) implements LedgerCommand {
}
