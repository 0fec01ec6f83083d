package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;

import java.time.LocalDate;

/** The fund's side of a section's remittance: from the clearing account into the fund. */
public record ReceiveRemittance(@TargetAggregateIdentifier FundId fundId, LocalDate receivedOn, SectionId from,
                                Money amount, Provenance provenance) implements LedgerCommand {
}
