package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.SortedMap;

public record ConferenceHeld(OrganisationId organisationId, String conferenceKey, String name, String place,
                             HistoricalDate dates, LocalDate placedOn, Long delegates,
                             SortedMap<String, Long> delegatesByGroup, Provenance provenance) implements LedgerEvent {
}
