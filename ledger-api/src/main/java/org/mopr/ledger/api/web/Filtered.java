package org.mopr.ledger.api.web;

import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A filter the query service does not offer (a currency), applied while walking the service's pages so that limit,
 * offset and hasMore still mean what they mean everywhere else. The lists filtered this way are monthly sums, a few
 * thousand rows per run; the walk is bounded all the same.
 */
final class Filtered {

    /** Rows the walk may read before it asks the client to narrow the query. */
    static final int MAX_SCANNED = 200_000;

    private Filtered() {
    }

    static <T> Page<T> page(Function<PageRequest, Page<T>> source, Predicate<T> keep, PageRequest want) {
        if (keep == null) {
            return source.apply(want);
        }
        List<T> kept = new ArrayList<>();
        int skipped = 0;
        int scanned = 0;
        PageRequest chunk = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> page = source.apply(chunk);
            for (T item : page.items()) {
                if (!keep.test(item)) {
                    continue;
                }
                if (skipped < want.offset()) {
                    skipped++;
                } else {
                    kept.add(item);
                    if (kept.size() > want.limit()) {
                        return Page.of(kept, want);
                    }
                }
            }
            scanned += page.items().size();
            if (!page.hasMore()) {
                return Page.of(kept, want);
            }
            if (scanned >= MAX_SCANNED) {
                throw ApiProblem.badPaging("more than " + MAX_SCANNED + " rows to filter; narrow the period or the other filters");
            }
            chunk = chunk.next();
        }
    }
}
