package org.mopr.ledger.fund;

import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

/**
 * One leg of a double-entry movement: a signed amount on an account. Positive is a debit (money arrives in
 * a fund, or an expense grows), negative a credit (money leaves, or an income account gives).
 */
public record Posting(String account, Money amount) {

    public Posting {
        if (account == null || account.isBlank()) {
            throw new DomainException("posting of " + amount + " names no account");
        }
        if (amount == null) {
            throw new DomainException("posting to " + account + " has no amount");
        }
    }

    public static Posting debit(String account, Money amount) {
        return new Posting(account, amount);
    }

    public static Posting credit(String account, Money amount) {
        return new Posting(account, amount.negate());
    }
}
