package org.mopr.ledger.section;

/** Why a section stopped: it dissolved itself or merged, or a government banned it. */
public enum DissolutionReason {
    DISSOLVED,
    BANNED
}
