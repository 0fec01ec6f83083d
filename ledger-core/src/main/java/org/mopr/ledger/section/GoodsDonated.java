package org.mopr.ledger.section;

import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record GoodsDonated(SectionId sectionId, LocalDate receivedOn, String donor, String goods, Quantity quantity,
                           Provenance provenance) implements LedgerEvent {
}
