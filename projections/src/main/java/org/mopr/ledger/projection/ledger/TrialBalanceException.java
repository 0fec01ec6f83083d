package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.money.Money;

/** The books do not balance: postings of a run in a currency do not sum to zero (or a clearing account is not clear). */
public class TrialBalanceException extends IllegalStateException {

    private final String run;
    private final transient Money amount;

    public TrialBalanceException(String run, Money amount, String message) {
        super(message);
        this.run = run;
        this.amount = amount;
    }

    public String run() {
        return run;
    }

    /** The first figure found wrong: the sum that should have been zero. */
    public Money amount() {
        return amount;
    }
}
