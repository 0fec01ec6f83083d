package org.mopr.ledger.projection.ensemble;

import java.util.Arrays;

/**
 * A figure across an ensemble's members: p5, p50 and p95 (linear interpolation between order statistics, rounded
 * half-even to a whole minor unit or count, so a p50 of an even number of members may lie between two members),
 * min and max.
 */
public record Band(long p5, long p50, long p95, long min, long max) {

    public static Band of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a band needs at least one member");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Band(quantile(sorted, 0.05), quantile(sorted, 0.50), quantile(sorted, 0.95), sorted[0],
                sorted[sorted.length - 1]);
    }

    static long quantile(long[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double value = sorted[lo] + (h - lo) * (double) (sorted[hi] - sorted[lo]);
        return (long) Math.rint(value);
    }

    public boolean holds(long value) {
        return value >= p5 && value <= p95;
    }

    public long spread() {
        return max - min;
    }
}
