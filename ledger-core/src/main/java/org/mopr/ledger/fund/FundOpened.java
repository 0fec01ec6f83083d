package org.mopr.ledger.fund;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.SortedSet;

public record FundOpened(FundId fundId, String name, LocalDate openedOn, SortedSet<Currency> currencies,
                         Provenance provenance) implements LedgerEvent {
}
