package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.List;

/**
 * A general double-entry movement booked by a fund, for what the named commands do not cover (a transfer
 * between the fund's sub-accounts, a grant to legal defence). Postings on accounts the fund owns are
 * guarded like any payment; the rest are counter-accounts.
 */
public record PostTransaction(@TargetAggregateIdentifier FundId fundId, LocalDate postedOn, String memo,
                              List<Posting> postings, boolean overdraftAllowed, Provenance provenance) implements LedgerCommand {
}
