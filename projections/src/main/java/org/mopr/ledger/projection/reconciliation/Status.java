package org.mopr.ledger.projection.reconciliation;

/** How a documented claim compares with what the projections compute. */
public enum Status {
    /** The projections give exactly the documented figure, date or link. */
    MATCH,
    /** They give something else: expected, actual and the difference are shown. */
    MISMATCH,
    /** The sources disagree with each other: both claims are shown, beside what the ledger computes. */
    CONFLICT,
    /** The events explain part of the figure: how much, and what is missing. */
    INCOMPLETE,
    /** The ledger cannot check the claim, and says why. */
    UNCHECKABLE
}
