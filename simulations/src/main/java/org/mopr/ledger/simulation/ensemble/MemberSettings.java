package org.mopr.ledger.simulation.ensemble;

import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.simulation.allocation.DatePlacement;
import org.mopr.ledger.simulation.allocation.WeightModel;
import org.mopr.ledger.simulation.scenario.Settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One member's settings: the scenario as validated, with what the ensemble varies drawn for that member. Member
 * {@code i} takes the seed {@code base + i}, so the members of two ensembles with the same base seed draw alike and
 * their differences pair member by member.
 */
public final class MemberSettings {

    /**
     * The spread a rule left even is drawn with: an even split has no noise to vary, so the ensemble declares one.
     * 0.3 is the scenario format's own default sigma for the seeded log-normal model.
     */
    public static final double ENSEMBLE_SIGMA = 0.3;

    /** The spreads the section-month compiler draws; member-dues only at member-month granularity. */
    private static final List<String> RULES = List.of("aid-months", "aid-countries");

    /** Drawn rates keep six decimals: finer than any rate the sources or scenarios give. */
    private static final int RATE_DECIMALS = 6;

    private MemberSettings() {
    }

    /** What the ensemble assumes beyond the scenario, in words, for its record. */
    public static String assumptions(Set<Variation> vary) {
        List<String> words = new ArrayList<>();
        if (vary.contains(Variation.SEED)) {
            words.add("member i has seed base+i; spreads the scenario leaves even are drawn seeded-lognormal with sigma "
                    + ENSEMBLE_SIGMA);
        } else {
            words.add("member i has seed base+i");
        }
        if (vary.contains(Variation.PLACEMENT)) {
            words.add("imprecise and bounded dates placed seeded-random within what they can mean");
        }
        if (vary.contains(Variation.RATES)) {
            words.add("rates given as ranges drawn uniformly within them (" + RATE_DECIMALS + " decimals)");
        }
        if (vary.contains(Variation.RANGES)) {
            words.add(org.mopr.ledger.simulation.allocation.RangeDraw.ASSUMPTION);
        }
        return String.join("; ", words);
    }

    /** Refuses a variation the scenario gives nothing to vary for, before anything is written. */
    public static void check(Settings base, Set<Variation> vary) {
        if (vary.contains(Variation.RATES) && base.rates().stream().noneMatch(r -> r.low() != null)) {
            throw new DomainException("--vary rates: scenario " + base.name() + " gives no rate as a range (write"
                    + " range: \"low..high\" beside a rate)");
        }
    }

    public static Settings member(Settings base, Set<Variation> vary, long baseSeed, int member) {
        long seed = baseSeed + member;
        Map<String, Settings.AllocationRule> allocations = new LinkedHashMap<>(base.allocations());
        if (vary.contains(Variation.SEED)) {
            List<String> rules = new ArrayList<>(RULES);
            if (base.granularity() == Settings.Granularity.MEMBER_MONTH) {
                rules.add("member-dues");
            }
            for (String rule : rules) {
                Settings.AllocationRule current = base.allocation(rule);
                if (current.model() == WeightModel.EVEN || current.sigma() == 0) {
                    allocations.put(rule, new Settings.AllocationRule(WeightModel.SEEDED_LOGNORMAL, ENSEMBLE_SIGMA));
                }
            }
        }
        DatePlacement placement = vary.contains(Variation.PLACEMENT) ? DatePlacement.SEEDED_RANDOM : base.placement();
        List<Settings.RateRow> rates = vary.contains(Variation.RATES) ? drawRates(base.rates(), seed) : base.rates();
        return new Settings(base.name(), base.description(), base.catalog(), seed, base.granularity(), placement,
                base.windowFrom(), base.windowTo(), Map.copyOf(allocations), rates, base.bans(), base.duesFactors(),
                base.preferences(), base.foundingDates(), base.memberEvents(), base.perBatch(), base.holdOut(),
                vary.contains(Variation.RANGES));
    }

    private static List<Settings.RateRow> drawRates(List<Settings.RateRow> rates, long seed) {
        List<Settings.RateRow> drawn = new ArrayList<>();
        for (Settings.RateRow r : rates) {
            if (r.low() == null) {
                drawn.add(r);
                continue;
            }
            long key = seed;
            for (char c : (r.table() + "/" + r.from() + "/" + r.to() + "/" + r.validFrom()).toCharArray()) {
                key = key * 1_000_003L + c;
            }
            double u = new SplittableRandom(key ^ (key >>> 29)).nextDouble();
            BigDecimal value = r.low().add(r.high().subtract(r.low()).multiply(BigDecimal.valueOf(u)))
                    .setScale(RATE_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
            int scale = Math.max(value.scale(), 0);
            drawn.add(r.withRate(value.movePointRight(scale).longValueExact(), BigDecimal.TEN.pow(scale).longValueExact()));
        }
        return List.copyOf(drawn);
    }
}
