package org.mopr.ledger.projection.reconciliation;

import java.util.List;

/**
 * One assertion's outcome. Figures are strings because they are of many kinds (money in minor units with
 * its currency, counts, days, links); {@code difference} is actual minus expected where both are numbers.
 *
 * @param check what kind of assertion: TOTAL, COUNT_AT, COMPOSITION, BOUND, DATE, LINK, GOODS, CENSUS
 */
public record Line(String claimId, String check, Status status, String expected, String actual, String difference,
                   String reason, List<Citation> citations, List<String> conflictsWith) {

    public record Citation(String claimId, String source, String quote) {
    }
}
