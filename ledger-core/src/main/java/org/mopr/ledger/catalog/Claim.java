package org.mopr.ledger.catalog;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;
import org.mopr.ledger.time.Precision;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One documented claim. Built only by the loader, which has checked its shape against its kind, its quote
 * against the seed and its references against the rest of the catalog.
 *
 * @param value        MONEY, COUNT, GOODS: the figure; null for DATE, LINK, TEXT
 * @param unit         COUNT: what is counted ("members", "sections"); GOODS: a {@link GoodsUnit} name
 * @param currency     MONEY only
 * @param commodity    GOODS only: "bread", "corn", "harvest of MOPR strips"
 * @param event        DATE only: what happened (founded, held, renamed, published, dissolved, ...)
 * @param link         LINK only
 * @param date         when the claim holds: the event's date, the census day, the period of a sum
 * @param dateText     the date as the catalog writes it (canonical text), kept for listings
 * @param conflictNote why this claim disagrees with its {@code conflictsWith}; may sit on one side of a pair only
 * @param outOfScope   why the claim lies outside the ledger's 1922-1932 record, or null when it does not
 * @param note         how the passage was read: translation slips, inferred dates, readings of "thousands"
 * @param partOf       COUNT only: the id of the whole this count is a part of
 * @param derivation   COUNT only: how the catalog computed a figure no passage states
 * @param includes     MONEY only: the claims whose sums this total already contains (the 440,000 gold rubles of
 *                     Soviet aid include the 1923 dollars and francs), so the compiler books only the remainder
 */
public record Claim(String id, Subject subject, ClaimKind kind, String statement, ClaimValue value, String unit,
                    Currency currency, String commodity, String event, Link link, HistoricalDate date,
                    String dateText, Scope scope, Citation citation, Confidence confidence, Set<Flag> flags,
                    List<String> conflictsWith, String conflictNote, String outOfScope, String note, String partOf,
                    Derivation derivation, List<String> includes) {

    public Claim {
        includes = includes == null ? List.of() : List.copyOf(includes);
        // An EnumSet keeps flags in declaration order, so listings and hashes over claims are stable.
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        conflictsWith = conflictsWith == null ? List.of() : List.copyOf(conflictsWith);
    }

    public Precision precision() {
        return date.precision();
    }

    public String source() {
        return citation.source();
    }

    public String quote() {
        return citation.quote();
    }

    public boolean inScope() {
        return outOfScope == null;
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public boolean isDerived() {
        return derivation != null;
    }

    /** MONEY with one figure (EXACT, APPROXIMATE or BOUND): the amount in minor units. */
    public Money money() {
        requireKind(ClaimKind.MONEY);
        return toMoney(single());
    }

    /** MONEY given as a RANGE: the lower end. */
    public Money moneyLow() {
        requireKind(ClaimKind.MONEY);
        return toMoney(rangeEnd(value.low()));
    }

    /** MONEY given as a RANGE: the upper end. */
    public Money moneyHigh() {
        requireKind(ClaimKind.MONEY);
        return toMoney(rangeEnd(value.high()));
    }

    /** COUNT with one figure (EXACT, APPROXIMATE or BOUND). */
    public long count() {
        requireKind(ClaimKind.COUNT);
        return single().longValueExact();
    }

    /** COUNT given as a RANGE: the lower end. */
    public long countLow() {
        requireKind(ClaimKind.COUNT);
        return rangeEnd(value.low()).longValueExact();
    }

    /** COUNT given as a RANGE: the upper end. */
    public long countHigh() {
        requireKind(ClaimKind.COUNT);
        return rangeEnd(value.high()).longValueExact();
    }

    public GoodsUnit goodsUnit() {
        requireKind(ClaimKind.GOODS);
        return GoodsUnit.of(unit);
    }

    /** GOODS with one figure; an UNSTATED lot has no quantity and throws. */
    public Quantity quantity() {
        requireKind(ClaimKind.GOODS);
        return Quantity.parse(single(), goodsUnit());
    }

    /** The figure, link or date in one short string, for listings. */
    public String renderValue() {
        return switch (kind) {
            case MONEY, COUNT, GOODS -> value.render();
            case DATE -> event + " " + dateText;
            case LINK -> link.render();
            case TEXT -> "";
        };
    }

    /** The unit for listings: the currency code for money. */
    public String renderUnit() {
        return kind == ClaimKind.MONEY ? currency.code() : unit;
    }

    private BigDecimal single() {
        if (value.type() == ValueType.RANGE || value.type() == ValueType.UNSTATED) {
            throw new DomainException("claim " + id + " is " + value.type() + ", not a single figure");
        }
        return value.amount();
    }

    private BigDecimal rangeEnd(BigDecimal end) {
        if (value.type() != ValueType.RANGE) {
            throw new DomainException("claim " + id + " is " + value.type() + ", not a RANGE");
        }
        return end;
    }

    private Money toMoney(BigDecimal amount) {
        return Money.parse(amount.toPlainString(), currency.code());
    }

    private void requireKind(ClaimKind expected) {
        if (kind != expected) {
            throw new DomainException("claim " + id + " is " + kind + ", not " + expected);
        }
    }

    /** The same claim with other conflict links and flags; the validator uses it to make links symmetric. */
    Claim withConflicts(List<String> ids, Set<Flag> newFlags) {
        return new Claim(id, subject, kind, statement, value, unit, currency, commodity, event, link, date,
                dateText, scope, citation, confidence, newFlags, ids, conflictNote, outOfScope, note, partOf,
                derivation, includes);
    }
}
