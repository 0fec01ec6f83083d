package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.money.Money;

import java.time.LocalDate;

/** One posting of the journal: which event, which leg, on which day, to which account, for how much. */
public record JournalLine(long globalIndex, int leg, LocalDate postedOn, String account, Money amount,
                          String eventType, String origin, Long provenanceId) {
}
