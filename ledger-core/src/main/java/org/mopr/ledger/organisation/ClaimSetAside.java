package org.mopr.ledger.organisation;

import java.time.LocalDate;

public record ClaimSetAside(OrganisationId organisationId, LocalDate on, String claimId, String reason) {
}
