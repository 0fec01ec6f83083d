package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

/** A new head of the organisation for a term, as the leadership list gives it (years only). */
public record ChangeLeadership(@TargetAggregateIdentifier OrganisationId organisationId, String person,
                               String role, HistoricalDate term, LocalDate placedOn, Provenance provenance) implements LedgerCommand {
}
