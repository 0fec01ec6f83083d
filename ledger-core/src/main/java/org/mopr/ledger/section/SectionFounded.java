package org.mopr.ledger.section;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.SortedSet;

public record SectionFounded(SectionId sectionId, String name, HistoricalDate founded, LocalDate placedOn,
                             SortedSet<Currency> currencies, Provenance provenance) implements LedgerEvent {
}
