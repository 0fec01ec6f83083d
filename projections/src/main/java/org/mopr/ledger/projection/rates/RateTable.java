package org.mopr.ledger.projection.rates;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One declared rate table of a run, read once and used for every figure of a query. Rates are held newest first,
 * so the first that matches a day is the one that applies.
 */
public final class RateTable {

    private final String run;
    private final String name;
    private final List<RateUsed> rates;

    private RateTable(String run, String name, List<RateUsed> rates) {
        this.run = run;
        this.name = name;
        this.rates = rates;
    }

    static RateTable load(CurrencyConverter converter, String run, String name) {
        return new RateTable(run, name, converter.load(run, name));
    }

    public Optional<RateUsed> find(Currency from, Currency to, LocalDate on) {
        for (RateUsed r : rates) {
            if (r.from().equals(from.code()) && r.to().equals(to.code()) && covers(r, on)) {
                return Optional.of(r);
            }
        }
        for (RateUsed r : rates) {
            if (r.from().equals(to.code()) && r.to().equals(from.code()) && covers(r, on)) {
                return Optional.of(new RateUsed(r.table(), r.from(), r.to(), r.validFrom(), r.validTo(), r.numerator(),
                        r.denominator(), r.citation(), r.assumption(), true, r.globalIndex()));
            }
        }
        return Optional.empty();
    }

    public Conversion convert(Money amount, LocalDate on, Currency to) {
        if (amount.currency().equals(to)) {
            return new Conversion(amount, on, null);
        }
        RateUsed rate = find(amount.currency(), to, on).orElseThrow(() -> new IllegalArgumentException(
                "run " + run + " declares no rate " + amount.currency() + "->" + to + " (or back) valid on " + on
                        + " in rate table '" + name + "'"));
        long minor = rate.inverse()
                ? CurrencyConverter.convertMinor(amount.minor(), amount.currency(), to, rate.denominator(), rate.numerator())
                : CurrencyConverter.convertMinor(amount.minor(), amount.currency(), to, rate.numerator(), rate.denominator());
        return new Conversion(new Money(minor, to), on, rate);
    }

    /** The native amount, and its conversion at the rate of {@code on} when a target currency is set. */
    public static MoneyFigure figure(RateTable table, Money amount, LocalDate on, Currency to) {
        return table == null ? MoneyFigure.nativeOnly(amount) : new MoneyFigure(amount, table.convert(amount, on, to));
    }

    private static boolean covers(RateUsed r, LocalDate on) {
        return !on.isBefore(r.validFrom()) && !on.isAfter(r.validTo());
    }
}
