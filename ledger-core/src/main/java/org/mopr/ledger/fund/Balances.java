package org.mopr.ledger.fund;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Running balances of the accounts an aggregate owns, one per account and currency. Aggregates keep only
 * these, never the journal, so their state stays small however long their history grows.
 */
public final class Balances {

    private final Map<String, Long> minorByAccountAndCurrency = new HashMap<>();

    private static String key(String account, Currency currency) {
        return account + "|" + currency.code();
    }

    public Money of(String account, Currency currency) {
        return new Money(minorByAccountAndCurrency.getOrDefault(key(account, currency), 0L), currency);
    }

    public void apply(List<Posting> postings) {
        for (Posting p : postings) {
            minorByAccountAndCurrency.merge(key(p.account(), p.amount().currency()), p.amount().minor(), (a, b) -> {
                try {
                    return Math.addExact(a, b);
                } catch (ArithmeticException e) {
                    throw new DomainException("balance of " + p.account() + " in " + p.amount().currency()
                            + " overflows the ledger's 64-bit minor units");
                }
            });
        }
    }

    /**
     * Refuses to pay {@code amount} out of {@code account} when it holds less, unless the scenario declared an
     * overdraft. Returns whether the payment overdraws, which the event records.
     */
    public boolean requireCover(String owner, String account, Money amount, boolean overdraftAllowed) {
        Money held = of(account, amount.currency());
        boolean overdraws = held.compareTo(amount) < 0;
        if (overdraws && !overdraftAllowed) {
            throw new DomainException(owner + " holds " + held + " in " + account + " and cannot pay out " + amount
                    + " unless the scenario allows an overdraft");
        }
        return overdraws;
    }
}
