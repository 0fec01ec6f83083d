package org.mopr.ledger.section;

import org.mopr.ledger.fund.MoneyMovement;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;
import java.util.List;

public record DuesCollected(SectionId sectionId, LocalDate paidOn, String payer, Money amount,
                            Provenance provenance) implements MoneyMovement, LedgerEvent {

    @Override
    public List<Posting> postings() {
        return List.of(Posting.debit(sectionId.fundAccount(), amount), Posting.credit(sectionId.membersAccount(), amount));
    }
}
