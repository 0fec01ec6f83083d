package org.mopr.ledger.catalog;

import java.time.LocalDate;
import java.util.Set;

/**
 * How the catalog computed a claim that no passage states, so the loader can compute it again and refuse
 * the file if the stored figure drifts from the data.
 *
 * @param rule            the computation
 * @param asOf            the day the count is taken on
 * @param excludeSections section codes left out, for example SU for a count "outside the USSR"
 */
public record Derivation(Rule rule, LocalDate asOf, Set<String> excludeSections) {

    public enum Rule {
        /**
         * Rows of the affiliates table established by {@code asOf}: the value is a RANGE from the rows whose
         * date certainly lies on or before it to the rows whose date may (undated rows and open bounds included).
         */
        AFFILIATE_ROWS_BY_DATE
    }

    public Derivation {
        excludeSections = excludeSections == null ? Set.of() : Set.copyOf(excludeSections);
    }
}
