package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

import java.util.List;
import java.util.Locale;

/**
 * A check of claims against each other (and against the run), declared in {@code catalog/checks.yaml} so a
 * historian can read, add and dispute them without reading code.
 *
 * @param id        the check's id, unique in the file
 * @param claims    the claims it relates, in the order its relation reads them
 * @param sentence  what it asserts, in a sentence a historian can read
 * @param relation  how the claims are related (see {@link Relation})
 * @param tolerance how far apart the figures may be and still agree: a number for counts and money ("0"), or
 *                  "month" for a date compared with what the ledger keeps by month
 * @param line      the line of checks.yaml the check starts on, for errors
 */
public record CrossCheck(String id, List<String> claims, String sentence, Relation relation, String tolerance,
                         int line) {

    public enum Relation {
        /** The first figure is below the second. */
        LESS_THAN,
        /** The first figure is no more than the second. */
        AT_MOST,
        /** The figures before the last add up to the last. */
        SUM,
        /** The whole (first) minus the part outside (second) is more than half the whole. */
        MAJORITY,
        /** A stated count of sections (first) lies within what the affiliates table allows on its day. */
        WITHIN_TABLE,
        /** The first date is not after the second. */
        NOT_AFTER,
        /** The run books no income of the first claim's section before the second claim's date. */
        NO_INCOME_BEFORE,
        /** The run sends no aid before the date of the (only) claim. */
        NO_AID_BEFORE,
        /** The amounts in other currencies (all but the last) are part of the last at the run's declared rates. */
        PART_AT_RATES;

        public static Relation parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new DomainException("unknown relation '" + text + "'");
            }
        }
    }

    public CrossCheck {
        claims = List.copyOf(claims);
    }
}
