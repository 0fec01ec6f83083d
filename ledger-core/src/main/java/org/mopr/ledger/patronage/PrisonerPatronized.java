package org.mopr.ledger.patronage;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;

public record PrisonerPatronized(PatronageId patronageId, String cityName, HistoricalDate period, LocalDate placedOn,
                                 Provenance provenance) implements LedgerEvent {
}
