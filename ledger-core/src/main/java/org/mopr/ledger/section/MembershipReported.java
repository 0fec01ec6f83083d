package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record MembershipReported(SectionId sectionId, LocalDate asOf, long members, Provenance provenance) implements LedgerEvent {
}
