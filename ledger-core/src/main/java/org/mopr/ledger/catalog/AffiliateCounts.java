package org.mopr.ledger.catalog;

import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Counts the affiliates table's rows by a date. A row counts as certain when every day its date can mean lies
 * on or before the day; as possible when some day can (an undated row, "before 1933", a row dated by year in
 * the year itself). A stated section count below {@code certain} or above {@code possible} contradicts the
 * table; one in between needs that many undated or loosely dated rows, which the table cannot confirm.
 */
public final class AffiliateCounts {

    /** Rows certainly and possibly established by a day. */
    public record Range(long certain, long possible) {
    }

    private AffiliateCounts() {
    }

    public static Range asOf(Collection<Section> sections, Map<String, Claim> claims, LocalDate day,
                             Set<String> excludeSections) {
        long certain = 0;
        long possible = 0;
        for (Section s : sections) {
            Claim row = claims.get(s.claimId());
            if (row == null || excludeSections.contains(s.code())) {
                continue;
            }
            HistoricalDate date = row.date();
            if (date.certainlyOnOrBefore(day)) {
                certain++;
            }
            if (date.earliest() == null || !date.earliest().isAfter(day)) {
                possible++;
            }
        }
        return new Range(certain, possible);
    }

    /** The value a derived claim must carry for its rule, given the catalog's sections and claims. */
    static ClaimValue expected(Derivation d, Collection<Section> sections, Map<String, Claim> claims) {
        return switch (d.rule()) {
            case AFFILIATE_ROWS_BY_DATE -> {
                Range r = asOf(sections, claims, d.asOf(), d.excludeSections());
                yield ClaimValue.range(r.certain(), r.possible());
            }
        };
    }
}
