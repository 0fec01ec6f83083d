package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.shared.DomainException;

import java.util.Locale;

/**
 * What a line can prove, computed from provenance (never from a list kept by hand): whether the claim, or a claim
 * stating the same figure, went into the events the line is checked against.
 */
public enum Basis {
    /**
     * The claim is in the provenance of the events it is checked against: a MATCH shows the pipeline kept the
     * figure, not that history agrees with it.
     */
    ROUND_TRIP,
    /** A documented total checked against the parts the run spread from it: a MATCH shows the spreading conserved it. */
    CONSERVATION,
    /** Nothing the line is checked against was built from it: a MATCH or MISMATCH is evidence about the record. */
    INDEPENDENT;

    /** Parses a basis as a user writes it ("independent", "round-trip"); a bad one names the parameter. */
    public static Basis parse(String parameter, String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException("unknown " + parameter + " '" + text + "': use round-trip, conservation or independent");
        }
    }
}
