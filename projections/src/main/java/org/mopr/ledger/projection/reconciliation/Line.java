package org.mopr.ledger.projection.reconciliation;

import java.util.List;

/**
 * One assertion's outcome. Figures are strings because they are of many kinds (money in minor units with
 * its currency, counts, days, links); {@code difference} is actual minus expected where both are numbers.
 *
 * @param check         what kind of assertion: TOTAL, COUNT_AT, COMPOSITION, BOUND, DATE, LINK, GOODS, CENSUS, or
 *                      a claim-against-claim check of the catalog (CROSS) and a held-out claim (HOLD_OUT)
 * @param basis         what a MATCH on this line can prove (see {@link Basis})
 * @param computed      what the ledger's own comparison gave (MATCH, MISMATCH, INCOMPLETE, UNCHECKABLE), kept beside
 *                      a CONFLICT flag so the flag never hides it; equal to {@code status} otherwise
 * @param relativeError |difference| / |expected| where both are numbers, as a decimal; null otherwise
 */
public record Line(String claimId, String check, Status status, Basis basis, Status computed, String expected,
                   String actual, String difference, String relativeError, String reason, List<Citation> citations,
                   List<String> conflictsWith) {

    public record Citation(String claimId, String source, String quote) {
    }

    /** A line as a check first states it: basis and relative error are worked out when the line is finished. */
    static Line of(String claimId, String check, Status status, String expected, String actual, String difference,
                   String reason) {
        return new Line(claimId, check, status, null, status, expected, actual, difference, null, reason, List.of(),
                List.of());
    }

    /** The same comparison with another outcome and reason (before the line is finished). */
    Line withReason(Status newStatus, String newReason) {
        return new Line(claimId, check, newStatus, basis, newStatus, expected, actual, difference, relativeError,
                newReason, citations, conflictsWith);
    }

    Line withClaimId(String id) {
        return new Line(id, check, status, basis, computed, expected, actual, difference, relativeError, reason,
                citations, conflictsWith);
    }
}
