package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

public record OrganisationFounded(OrganisationId organisationId, String name, HistoricalDate founded,
                                  LocalDate placedOn, Provenance provenance) implements LedgerEvent {
}
