package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record OrganisationMembershipReported(OrganisationId organisationId, LocalDate asOf, MembershipScope scope,
                                             Long members, Integer sections, Provenance provenance) implements LedgerEvent {
}
