package org.mopr.ledger.projection.engine;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The projection code both feeds share: Axon's processor (through {@link ProjectionEventHandler}, one batch per
 * unit of work) and the bulk replay (one batch per page of the event table). Writing happens in the caller's
 * transaction, together with the caller's record of how far it got, so a crash never counts an event twice.
 */
public final class Projector {

    private final JdbcTemplate jdbc;

    public Projector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ProjectionBatch newBatch() {
        return new ProjectionBatch();
    }

    public void flush(ProjectionBatch batch) {
        batch.flush(jdbc);
    }

    /** Folds and writes the events (in global order) in the caller's transaction. */
    public void apply(List<EventEnvelope> events) {
        ProjectionBatch batch = newBatch();
        events.forEach(batch::add);
        batch.flush(jdbc);
    }
}
