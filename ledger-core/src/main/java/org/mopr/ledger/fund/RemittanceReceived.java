package org.mopr.ledger.fund;

import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;

import java.time.LocalDate;
import java.util.List;

public record RemittanceReceived(FundId fundId, LocalDate receivedOn, SectionId from, Money amount,
                                 Provenance provenance) implements MoneyMovement, LedgerEvent {

    @Override
    public List<Posting> postings() {
        return List.of(Posting.debit(fundId.account(), amount), Posting.credit(fundId.clearingAccount(), amount));
    }
}
