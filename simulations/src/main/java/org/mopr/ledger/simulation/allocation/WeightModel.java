package org.mopr.ledger.simulation.allocation;

import org.mopr.ledger.shared.DomainException;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a documented total is spread over its parts before largest-remainder rounding. Weights are integers
 * so the split is exact and the same on every machine: seeded noise goes through StrictMath and is
 * quantised before it is used.
 */
public enum WeightModel {
    /** Every part the same. */
    EVEN,
    /** Log-normal noise around even shares: a plausible month-to-month unevenness, reproducible by seed. */
    SEEDED_LOGNORMAL;

    private static final long SCALE = 1_000_000L;

    public static WeightModel parse(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException("unknown allocation model '" + id + "': use even or seeded-lognormal");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param sigma spread of the log-normal noise (ignored by EVEN); 0 gives even weights
     */
    public long[] weights(int parts, double sigma, long seed) {
        long[] w = new long[parts];
        if (this == EVEN || sigma == 0) {
            java.util.Arrays.fill(w, SCALE);
            return w;
        }
        if (sigma < 0 || sigma > 3) {
            throw new DomainException("allocation sigma must be within [0, 3], got " + sigma);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < parts; i++) {
            // Box-Muller on two uniforms: StrictMath keeps it bit-identical across JVMs.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double gaussian = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
            w[i] = Math.max(1, Math.round(SCALE * StrictMath.exp(sigma * gaussian)));
        }
        return w;
    }
}
