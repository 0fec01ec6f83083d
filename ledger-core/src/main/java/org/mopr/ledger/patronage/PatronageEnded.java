package org.mopr.ledger.patronage;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record PatronageEnded(PatronageId patronageId, LocalDate on, Provenance provenance) implements LedgerEvent {
}
