package org.mopr.ledger.projection.query;

/**
 * Which slice of a list to return. Every list query takes one, and none returns more than {@link #MAX_LIMIT}
 * rows, so a client (or a typo) cannot ask a 10-million-event store for everything at once.
 */
public record PageRequest(int limit, int offset) {

    public static final int MAX_LIMIT = 1000;
    /** Offsets walk the rows they skip; past this, a client should narrow its filters instead. */
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, 0);
    }

    public PageRequest next() {
        return new PageRequest(limit, offset + limit);
    }
}
