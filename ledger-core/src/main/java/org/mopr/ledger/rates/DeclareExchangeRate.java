package org.mopr.ledger.rates;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/**
 * Declare a dated exchange rate of the run's scenario: one unit of {@code from} is worth
 * {@code numerator / denominator} units of {@code to} between the two dates (inclusive). Rates are events so
 * that projections convert from the store alone and a replay converts exactly as the live run did.
 *
 * @param citation   the source of the rate, or null when {@code assumption} is true
 * @param assumption true when the scenario assumes the rate; reports flag every figure converted with it
 */
public record DeclareExchangeRate(@TargetAggregateIdentifier OrganisationId organisationId, String table,
                                  Currency from, Currency to, LocalDate validFrom, LocalDate validTo,
                                  long numerator, long denominator, String citation, boolean assumption,
                                  Provenance provenance) implements LedgerCommand {
}
