package org.mopr.ledger.projection.explain;

import org.mopr.ledger.money.Money;

import java.time.LocalDate;

/**
 * An event behind a figure: where it is in the store, what it is, the day and amount it contributed (when the
 * figure is money) and its provenance.
 */
public record ExplainedEvent(long globalIndex, String aggregateId, long sequenceNumber, String eventType,
                             LocalDate on, Money amount, ProvenanceView provenance) {
}
