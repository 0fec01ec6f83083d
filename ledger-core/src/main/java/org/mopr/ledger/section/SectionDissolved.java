package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record SectionDissolved(SectionId sectionId, LocalDate on, DissolutionReason reason, Provenance provenance) implements LedgerEvent {
}
