package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/**
 * The section's side of a transfer to a central fund: the money leaves the section's fund for the fund's
 * clearing account; the fund's {@code ReceiveRemittance} takes it from there.
 */
public record RemitToFund(@TargetAggregateIdentifier SectionId sectionId, LocalDate remittedOn, FundId fund,
                          Money amount, boolean overdraftAllowed, Provenance provenance) implements LedgerCommand {
}
