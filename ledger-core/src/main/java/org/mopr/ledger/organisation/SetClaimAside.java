package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/**
 * Record that the run's scenario left a documented claim out, and why (undated, out of the period, in
 * conflict with the claim it follows). Absence has provenance too: the reconciliation reads these from the
 * store instead of recompiling the scenario, so data keeps flowing one way.
 */
public record SetClaimAside(@TargetAggregateIdentifier OrganisationId organisationId, LocalDate on, String claimId,
                            String reason, Provenance provenance) implements LedgerCommand {
}
