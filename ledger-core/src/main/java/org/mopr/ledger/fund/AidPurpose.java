package org.mopr.ledger.fund;

/** What aid paid for, as the sources distinguish it. */
public enum AidPurpose {
    /** Money to prisoners and their families. */
    MATERIAL,
    /** Lawyers and court costs. */
    LEGAL,
    /** Parcels of food and clothing. */
    PARCELS,
    /** The sources give a total without saying what it paid for. */
    UNSPECIFIED;

    public String accountSegment() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
