package org.mopr.ledger.fund;

import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.List;

/**
 * Aid left a fund (a section's or the central one) for prisoners in a country.
 *
 * @param overdraft true when the fund did not hold the amount and the scenario allowed it to go negative
 */
public record AidSent(RunId run, String fromAccount, LocalDate sentOn, String country, AidPurpose purpose,
                      Money amount, boolean overdraft, Provenance provenance) implements MoneyMovement, LedgerEvent {

    public static String aidAccount(String country, AidPurpose purpose) {
        return "aid/" + country + "/" + purpose.accountSegment();
    }

    @Override
    public List<Posting> postings() {
        return List.of(Posting.debit(aidAccount(country, purpose), amount), Posting.credit(fromAccount, amount));
    }
}
