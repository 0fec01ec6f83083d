package org.mopr.ledger.simulation.ensemble;

import org.mopr.ledger.shared.DomainException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What changes between the members of an ensemble. */
public enum Variation {
    /** Each member's own seed, and every spread the scenario leaves even drawn by the seeded log-normal model. */
    SEED,
    /** Each imprecise or bounded date drawn within what it can mean (the seeded-random placement). */
    PLACEMENT,
    /** Each rate the scenario gives as a range drawn uniformly within it. */
    RATES,
    /**
     * Booked figures the sources give as ranges, bounds or approximations drawn within them by the declared
     * distribution of {@link org.mopr.ledger.simulation.allocation.RangeDraw}; documented totals stay exact.
     */
    RANGES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "seed,placement" to its set; an unknown or empty word is one line naming the words known. */
    public static Set<Variation> parse(String words) {
        if (words == null || words.isBlank()) {
            throw new DomainException("--vary needs at least one of: seed, placement, rates, ranges");
        }
        EnumSet<Variation> set = EnumSet.noneOf(Variation.class);
        for (String word : words.split(",", -1)) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            Variation v = null;
            for (Variation candidate : values()) {
                if (candidate.id().equals(w)) {
                    v = candidate;
                }
            }
            if (v == null) {
                throw new DomainException("unknown --vary word '" + word.trim() + "': use seed, placement, rates or ranges,"
                        + " separated by commas");
            }
            set.add(v);
        }
        return set;
    }

    public static String ids(Set<Variation> set) {
        return set.stream().map(Variation::id).collect(Collectors.joining(","));
    }
}
