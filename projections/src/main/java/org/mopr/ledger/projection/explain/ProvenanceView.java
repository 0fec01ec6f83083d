package org.mopr.ledger.projection.explain;

import java.util.List;

/**
 * Where events came from: DOCUMENTED (the claim ids), DERIVED (claims and rule) or SIMULATED (model, parameters as
 * JSON, seed, and the claims whose totals the model spread), with the placement of an imprecise date.
 */
public record ProvenanceView(long id, String origin, List<String> claims, String rule, String parameters, Long seed,
                             String placement) {
}
