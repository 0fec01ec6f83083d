package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** A donation of money to the section's fund (a collection at a rally, a factory's allocation, a lottery). */
public record ReceiveDonation(@TargetAggregateIdentifier SectionId sectionId, LocalDate receivedOn, String donor,
                              Money amount, Provenance provenance) implements LedgerCommand {
}
