package org.mopr.ledger.provenance;

import org.mopr.ledger.shared.DomainException;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an event came from. DOCUMENTED names the claims; DERIVED names the claims and the rule; SIMULATED
 * names the model, its parameters and the seed; ASSUMED names the assumption and its values. The constructor refuses an incomplete provenance so that
 * no event can enter the store without saying where it came from.
 *
 * @param claims     catalog claim ids the figure rests on (for SIMULATED: the totals the model spreads)
 * @param rule       DERIVED: the rule; SIMULATED: the model id
 * @param parameters SIMULATED: the model's parameters (sorted, so fingerprints are stable)
 * @param seed       SIMULATED: the seed the model drew with
 * @param placement  how an imprecise date was placed on the timeline, when one was ("start", "middle", ...)
 */
public record Provenance(Origin origin, List<String> claims, String rule, Map<String, String> parameters,
                         Long seed, String placement) {

    public Provenance {
        if (origin == null) {
            throw new DomainException("provenance without origin");
        }
        claims = claims == null ? List.of() : List.copyOf(claims);
        parameters = Collections.unmodifiableSortedMap(parameters == null ? new TreeMap<>() : new TreeMap<>(parameters));
        switch (origin) {
            case DOCUMENTED -> {
                if (claims.isEmpty()) {
                    throw new DomainException("a DOCUMENTED event must name the claims it rests on");
                }
            }
            case DERIVED -> {
                if (claims.isEmpty() || rule == null || rule.isBlank()) {
                    throw new DomainException("a DERIVED event must name its claims and its rule");
                }
            }
            case SIMULATED -> {
                if (rule == null || rule.isBlank() || seed == null) {
                    throw new DomainException("a SIMULATED event must name its model and seed");
                }
            }
            case ASSUMED -> {
                if (rule == null || rule.isBlank()) {
                    throw new DomainException("an ASSUMED event must name the assumption it declares");
                }
            }
        }
    }

    public static Provenance documented(String... claims) {
        return new Provenance(Origin.DOCUMENTED, List.of(claims), null, null, null, null);
    }

    public static Provenance derived(String rule, String... claims) {
        return new Provenance(Origin.DERIVED, List.of(claims), rule, null, null, null);
    }

    public static Provenance simulated(String model, Map<String, String> parameters, long seed, String... claims) {
        return new Provenance(Origin.SIMULATED, List.of(claims), model, parameters, seed, null);
    }

    /** A figure the scenario declares without a source (an assumed exchange rate): what is assumed, and its values. */
    public static Provenance assumed(String assumption, Map<String, String> parameters) {
        return new Provenance(Origin.ASSUMED, List.of(), assumption, parameters, null, null);
    }

    public Provenance placedBy(String placementPolicy) {
        return new Provenance(origin, claims, rule, parameters, seed, placementPolicy);
    }
}
