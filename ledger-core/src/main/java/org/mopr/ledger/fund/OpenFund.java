package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.Set;

/** Open a fund of the central body (the MOPR aid fund) in the currencies it keeps. */
public record OpenFund(@TargetAggregateIdentifier FundId fundId, String name, LocalDate openedOn,
                       Set<Currency> currencies, Provenance provenance) implements LedgerCommand {
}
