package org.mopr.ledger.simulation.allocation;

import org.mopr.ledger.shared.DomainException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number (minor units, members) over weighted parts so the parts sum back to it exactly:
 * each part gets the floor of its share, and the units left over go to the largest remainders (ties to the
 * earlier part, so the split is deterministic).
 */
public final class LargestRemainder {

    /** Bounds the work of one split; a scenario asking for more parts is wrong, not big. */
    public static final int MAX_PARTS = 1_000_000;

    private LargestRemainder() {
    }

    public static long[] split(long total, long[] weights) {
        if (total < 0) {
            throw new DomainException("cannot split a negative total " + total);
        }
        if (weights.length == 0 || weights.length > MAX_PARTS) {
            throw new DomainException("a split needs 1 to " + MAX_PARTS + " parts, got " + weights.length);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new DomainException("split weights must not be negative, got " + w);
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new DomainException("split weights must not all be zero");
        }
        long[] parts = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long assigned = 0;
        BigInteger t = BigInteger.valueOf(total);
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = t.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned += parts[i];
        }
        long left = total - assigned;
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toArray(Integer[]::new);
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        assert Arrays.stream(parts).sum() == total : "largest remainder lost units";
        return parts;
    }
}
