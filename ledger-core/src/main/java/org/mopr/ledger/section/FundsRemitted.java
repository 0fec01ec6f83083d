package org.mopr.ledger.section;

import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.MoneyMovement;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.List;

public record FundsRemitted(SectionId sectionId, LocalDate remittedOn, FundId fund, Money amount, boolean overdraft,
                            Provenance provenance) implements MoneyMovement, LedgerEvent {

    @Override
    public List<Posting> postings() {
        return List.of(Posting.debit(fund.clearingAccount(), amount), Posting.credit(sectionId.fundAccount(), amount));
    }
}
