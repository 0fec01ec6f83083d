package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

import java.math.BigDecimal;

/**
 * A figure as a source gives it. Amounts are decimals in the claim's own unit (dollars, not cents; members;
 * poods) so the catalog reads like the text; {@link Claim#money()} turns them into minor units.
 *
 * @param amount EXACT, APPROXIMATE and BOUND: the figure
 * @param low    RANGE: the lower end, inclusive
 * @param high   RANGE: the upper end, inclusive
 * @param side   BOUND: which side of {@code amount} the figure lies on
 */
public record ClaimValue(ValueType type, BigDecimal amount, BigDecimal low, BigDecimal high, BoundSide side) {

    public ClaimValue {
        if (type == null) {
            throw new DomainException("value has no type: one of EXACT, APPROXIMATE, RANGE, BOUND, UNSTATED");
        }
        switch (type) {
            case EXACT, APPROXIMATE -> require(amount != null && low == null && high == null && side == null,
                    type + " value needs 'amount' and nothing else");
            case RANGE -> {
                require(amount == null && low != null && high != null && side == null,
                        "RANGE value needs 'low' and 'high' and nothing else");
                require(low.compareTo(high) <= 0, "RANGE value has low " + low + " above high " + high);
            }
            case BOUND -> require(amount != null && side != null && low == null && high == null,
                    "BOUND value needs 'amount' and 'side' (AT_LEAST, AT_MOST, MORE_THAN, LESS_THAN)");
            case UNSTATED -> require(amount == null && low == null && high == null && side == null,
                    "UNSTATED value takes no figures");
        }
        for (BigDecimal figure : new BigDecimal[] {amount, low, high}) {
            require(figure == null || figure.signum() >= 0, "value " + figure + " is negative");
        }
    }

    public static ClaimValue exact(long amount) {
        return new ClaimValue(ValueType.EXACT, BigDecimal.valueOf(amount), null, null, null);
    }

    public static ClaimValue approximate(long amount) {
        return new ClaimValue(ValueType.APPROXIMATE, BigDecimal.valueOf(amount), null, null, null);
    }

    public static ClaimValue range(long low, long high) {
        return new ClaimValue(ValueType.RANGE, null, BigDecimal.valueOf(low), BigDecimal.valueOf(high), null);
    }

    public static ClaimValue bound(BoundSide side, long amount) {
        return new ClaimValue(ValueType.BOUND, BigDecimal.valueOf(amount), null, null, side);
    }

    public static ClaimValue unstated() {
        return new ClaimValue(ValueType.UNSTATED, null, null, null, null);
    }

    /** True when every figure is a whole number, as counts and goods need. */
    public boolean isWhole() {
        for (BigDecimal figure : new BigDecimal[] {amount, low, high}) {
            if (figure != null && figure.stripTrailingZeros().scale() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Compact form for listings: {@code 48265}, {@code ~250000}, {@code 46..71}, {@code >=2000}, {@code unstated}. */
    public String render() {
        return switch (type) {
            case EXACT -> plain(amount);
            case APPROXIMATE -> "~" + plain(amount);
            case RANGE -> plain(low) + ".." + plain(high);
            case BOUND -> side.symbol() + plain(amount);
            case UNSTATED -> "unstated";
        };
    }

    private static String plain(BigDecimal figure) {
        return figure.toPlainString();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new DomainException(problem);
        }
    }
}
