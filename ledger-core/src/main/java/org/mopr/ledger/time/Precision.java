package org.mopr.ledger.time;

/** How precisely a source gives a date. Kept with every claim and event so no one reads "1925" as 1 January. */
public enum Precision {
    DAY,
    MONTH,
    YEAR,
    /** A closed interval, for example "March to November 1923". */
    INTERVAL,
    /** An open bound: "before 1933". */
    BEFORE,
    /** An open bound: "after 1928". */
    AFTER,
    /** The source gives no date at all. */
    UNKNOWN
}
