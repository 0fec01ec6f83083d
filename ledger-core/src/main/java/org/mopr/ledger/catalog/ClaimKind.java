package org.mopr.ledger.catalog;

/**
 * What a claim states. Leadership terms and representation are {@link #LINK}s with a dated relation; a whole
 * made of parts (delegates by group) is a {@link #COUNT} whose parts point at it with {@code partOf}.
 */
public enum ClaimKind {
    /** An amount of money in one currency. */
    MONEY,
    /** A number of things: members, sections, delegates, periodicals. */
    COUNT,
    /** Goods in kind with a unit (poods of grain), or an unstated lot (a harvest, tobacco). */
    GOODS,
    /** That something happened at a date: a founding, a congress, a renaming. */
    DATE,
    /** A relation between two subjects: patronage, leadership, representation, publication. */
    LINK,
    /** A statement without a figure that later work may still need to cite. */
    TEXT
}
