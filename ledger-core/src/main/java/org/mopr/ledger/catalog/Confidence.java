package org.mopr.ledger.catalog;

/** How far the catalog trusts a claim, independent of its flags. */
public enum Confidence {
    /** Stated plainly, with a date, in a contemporary or footnoted source. */
    HIGH,
    /** Stated in an encyclopaedic text or a loose translation; plausible but unsourced there. */
    MEDIUM,
    /** A misprint, a garbled passage or a reading that needs outside knowledge. */
    LOW
}
