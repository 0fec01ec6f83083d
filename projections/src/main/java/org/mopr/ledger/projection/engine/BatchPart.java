package org.mopr.ledger.projection.engine;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows one feature derives from a batch of events. Parts fold a whole batch in memory and write it with a
 * few JDBC batch statements (sums as upserts) so a batch of 1,000 events is a handful of statements.
 */
public interface BatchPart {

    /** Takes what this feature needs from the event; events of other features are ignored. */
    void add(ProjectedEvent event);

    /**
     * Does ahead of {@link #flush} what needs no database (encoding rows for COPY), on the thread that folds: the
     * bulk replay folds the next page while the current one is written. Nothing by default.
     */
    default void encode() {
    }

    /** Writes the folded rows in the caller's transaction. */
    void flush(JdbcTemplate jdbc);
}
