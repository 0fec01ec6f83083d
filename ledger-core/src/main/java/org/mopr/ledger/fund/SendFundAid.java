package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** The central fund sends aid to prisoners in a country. */
public record SendFundAid(@TargetAggregateIdentifier FundId fundId, LocalDate sentOn, String country,
                          AidPurpose purpose, Money amount, boolean overdraftAllowed, Provenance provenance) implements LedgerCommand {
}
