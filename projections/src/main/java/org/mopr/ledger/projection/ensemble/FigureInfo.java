package org.mopr.ledger.projection.ensemble;

import org.mopr.ledger.provenance.Origin;

/**
 * What a figure is: its family (aid, income, membership, sections, flow), its unit (minor units of a currency,
 * members or sections) and its origin, the most modelled origin among what went into it (a sum with one simulated
 * part is simulated).
 */
public record FigureInfo(String family, String unit, String currency, Integer exponent, Origin origin) {

    /** DOCUMENTED < DERIVED < ASSUMED < SIMULATED: how far a figure is from what a source states. */
    static int rank(Origin o) {
        return switch (o) {
            case DOCUMENTED -> 0;
            case DERIVED -> 1;
            case ASSUMED -> 2;
            case SIMULATED -> 3;
        };
    }

    FigureInfo widen(Origin other) {
        return rank(other) > rank(origin) ? new FigureInfo(family, unit, currency, exponent, other) : this;
    }

    public boolean modelled() {
        return origin != Origin.DOCUMENTED;
    }
}
