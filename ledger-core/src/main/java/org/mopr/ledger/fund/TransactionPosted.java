package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.List;

public record TransactionPosted(FundId fundId, LocalDate postedOn, String memo, List<Posting> postings,
                                boolean overdraft, Provenance provenance) implements MoneyMovement, LedgerEvent {
}
