package org.mopr.ledger.simulation.allocation;

import org.mopr.ledger.catalog.BoundSide;
import org.mopr.ledger.catalog.ClaimValue;
import org.mopr.ledger.catalog.ValueType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a figure the sources give as a range, a bound or an approximation ("thousands of poods", "about 250 thousand")
 * within what it says, for an ensemble member that varies ranges. The distribution is declared, not found in the
 * sources: uniform over the range; "about X" within X +/- 10%; "at least X" within X..2X and "at most X" within X/2..X,
 * because a bound gives one side only and the ensemble must close the other to draw at all. Drawn in the figure's
 * minor units, rounded down, from a generator seeded by the member's seed and the claim, so every machine draws alike.
 */
public final class RangeDraw {

    /** The declared distribution, in words, for the ensemble's record of its assumptions. */
    public static final String ASSUMPTION = "booked figures given as ranges or bounds drawn uniformly within them (about X:"
            + " X +/- 10%; at least X: X..2X; at most X: X/2..X); documented totals stay exact";

    private static final BigDecimal ABOUT = new BigDecimal("0.10");

    /** What was drawn, from which interval: the event's provenance names both. */
    public record Draw(BigDecimal value, BigDecimal low, BigDecimal high) {

        public Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("distribution", "uniform");
            p.put("low", low.toPlainString());
            p.put("high", high.toPlainString());
            p.put("drawn", value.toPlainString());
            return p;
        }
    }

    private RangeDraw() {
    }

    /** Whether the value says a span rather than a point: the only values a draw changes. */
    public static boolean spans(ClaimValue v) {
        return v != null && (v.type() == ValueType.RANGE || v.type() == ValueType.BOUND || v.type() == ValueType.APPROXIMATE);
    }

    /** A value within the span, kept to {@code digits} decimals; {@code seed} fixes the draw. */
    public static Draw draw(ClaimValue v, int digits, long seed) {
        BigDecimal low;
        BigDecimal high;
        switch (v.type()) {
            case RANGE -> {
                low = v.low();
                high = v.high();
            }
            case APPROXIMATE -> {
                low = v.amount().subtract(v.amount().multiply(ABOUT));
                high = v.amount().add(v.amount().multiply(ABOUT));
            }
            case BOUND -> {
                boolean atLeast = v.side() == BoundSide.AT_LEAST;
                low = atLeast ? v.amount() : v.amount().divide(BigDecimal.valueOf(2), digits, RoundingMode.CEILING);
                high = atLeast ? v.amount().multiply(BigDecimal.valueOf(2)) : v.amount();
            }
            default -> throw new IllegalArgumentException("a " + v.type() + " value states one figure: nothing to draw");
        }
        low = low.setScale(digits, RoundingMode.CEILING);
        high = high.setScale(digits, RoundingMode.FLOOR);
        double u = new SplittableRandom(seed).nextDouble();
        BigDecimal value = low.add(high.subtract(low).multiply(BigDecimal.valueOf(u))).setScale(digits, RoundingMode.FLOOR);
        return new Draw(value, low, high);
    }
}
