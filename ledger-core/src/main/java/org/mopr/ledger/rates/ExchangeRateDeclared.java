package org.mopr.ledger.rates;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record ExchangeRateDeclared(OrganisationId organisationId, String table, Currency from, Currency to,
                                   LocalDate validFrom, LocalDate validTo, long numerator, long denominator,
                                   String citation, boolean assumption, Provenance provenance) implements LedgerEvent {
}
