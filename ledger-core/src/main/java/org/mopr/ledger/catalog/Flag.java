package org.mopr.ledger.catalog;

/**
 * Seshat-style qualifiers on a claim. {@link #DISPUTED} and {@link #APPROXIMATE} are also set by the loader
 * where the data implies them (a conflict link, an approximate value), so a reader can filter on flags alone.
 */
public enum Flag {
    /** Another claim says otherwise; see {@link Claim#conflictsWith()}. */
    DISPUTED,
    /** The reading of the passage is open: an ambiguous pairing, a garbled translation, a loose date. */
    UNCERTAIN,
    /** The figure is hedged or rounded by the source. */
    APPROXIMATE,
    /** Part of the claim (usually its date) comes from the context, not from the quoted words. */
    INFERRED
}
