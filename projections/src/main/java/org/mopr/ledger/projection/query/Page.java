package org.mopr.ledger.projection.query;

import java.util.List;
import java.util.function.Function;

/** A slice of a list and whether more rows follow it. */
public record Page<T>(List<T> items, int limit, int offset, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** From rows fetched with {@code limit + 1}: the extra row only says that more follow. */
    public static <T> Page<T> of(List<T> rowsPlusOne, PageRequest request) {
        boolean more = rowsPlusOne.size() > request.limit();
        return new Page<>(more ? rowsPlusOne.subList(0, request.limit()) : rowsPlusOne, request.limit(),
                request.offset(), more);
    }

    /** One page of a list held in memory, with the same meaning of limit, offset and hasMore as the SQL pages. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.limit(), all.size());
        return new Page<>(all.subList(from, to), request.limit(), request.offset(), to < all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), limit, offset, hasMore);
    }
}
