package org.mopr.ledger.catalog;

/** How exactly a source gives a figure. */
public enum ValueType {
    /** The figure as printed, for example "$ 48,265". */
    EXACT,
    /** The source hedges: "about 250 thousand dollars". */
    APPROXIMATE,
    /** Between two figures, both inclusive. */
    RANGE,
    /** One side only: "thousands of poods" is at least two thousand. */
    BOUND,
    /** Something was given or done but the source gives no figure: "corn and tobacco were donated". */
    UNSTATED
}
