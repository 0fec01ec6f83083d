package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The projection code both feeds share: Axon's processor (through {@link ProjectionEventHandler}, one batch per
 * unit of work) and the bulk replay (one batch per page of the event table). Writing happens in the caller's
 * transaction, together with the caller's record of how far it got, so a crash never counts an event twice.
 */
public final class Projector {

    private final JdbcTemplate jdbc;
    private final Runnable written;

    public Projector(JdbcTemplate jdbc) {
        this(jdbc, () -> { });
    }

    /**
     * @param written told after each batch is written, still inside the caller's transaction: a listener that
     *                must not act before the rows are visible (the API's read cache) waits for the commit itself
     */
    public Projector(JdbcTemplate jdbc, Runnable written) {
        this.jdbc = jdbc;
        this.written = written;
    }

    public ProjectionBatch newBatch() {
        return new ProjectionBatch();
    }

    /** Writes a batch the caller folded (the bulk replay, which advances its tokens while folding). */
    public void flush(ProjectionBatch batch) {
        batch.flush(jdbc);
        written.run();
    }

    /**
     * Folds and writes a batch of Axon's tracked domain event messages, in stream order, in the caller's
     * transaction (the processor's path; the global index of each is worked out by {@link GlobalIndexes}).
     */
    public void applyMessages(List<? extends EventMessage<?>> messages) {
        if (!messages.isEmpty()) {
            apply(GlobalIndexes.envelopes(jdbc, messages));
        }
    }

    /** Folds and writes the events (in global order) in the caller's transaction. */
    public void apply(List<EventEnvelope> events) {
        ProjectionBatch batch = newBatch();
        events.forEach(batch::add);
        batch.flush(jdbc);
        written.run();
    }
}
