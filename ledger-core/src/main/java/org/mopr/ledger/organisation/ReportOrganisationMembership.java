package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/**
 * An organisation-wide census as the sources state it: members and the number of sections, for a scope.
 * Either figure may be missing; section-level reports are the section's own business.
 */
public record ReportOrganisationMembership(@TargetAggregateIdentifier OrganisationId organisationId, LocalDate asOf,
                                           MembershipScope scope, Long members, Integer sections,
                                           Provenance provenance) implements LedgerCommand {
}
