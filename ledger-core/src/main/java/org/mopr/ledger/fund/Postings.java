package org.mopr.ledger.fund;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The double-entry rule, checked wherever postings are formed: they sum to zero in every currency. */
public final class Postings {

    /** Bounds a single transaction so a stranger's scenario cannot build one of unbounded size. */
    public static final int MAX_LEGS = 64;

    private Postings() {
    }

    public static Map<Currency, Money> sums(List<Posting> postings) {
        Map<Currency, Money> sums = new TreeMap<>(java.util.Comparator.comparing(Currency::code));
        for (Posting p : postings) {
            sums.merge(p.amount().currency(), p.amount(), Money::plus);
        }
        return sums;
    }

    public static List<Posting> requireBalanced(List<Posting> postings) {
        if (postings == null || postings.size() < 2) {
            throw new DomainException("a movement of money needs at least two postings, got "
                    + (postings == null ? 0 : postings.size()));
        }
        if (postings.size() > MAX_LEGS) {
            throw new DomainException("a transaction may have at most " + MAX_LEGS + " postings, got " + postings.size());
        }
        for (Map.Entry<Currency, Money> sum : sums(postings).entrySet()) {
            if (!sum.getValue().isZero()) {
                throw new DomainException("postings do not balance in " + sum.getKey() + ": debits exceed credits by "
                        + sum.getValue() + " in " + postings);
            }
        }
        return List.copyOf(postings);
    }
}
