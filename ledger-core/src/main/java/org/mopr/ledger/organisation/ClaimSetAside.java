package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record ClaimSetAside(OrganisationId organisationId, LocalDate on, String claimId, String reason, Provenance provenance) implements LedgerEvent {
}
