package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** Goods in kind given to the section: grain in poods, corn, tobacco, the harvest of a MOPR strip. */
public record DonateGoods(@TargetAggregateIdentifier SectionId sectionId, LocalDate receivedOn, String donor,
                          String goods, Quantity quantity, Provenance provenance) implements LedgerCommand {
}
