package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * The projection code both feeds share: Axon's processor (through {@link ProjectionEventHandler}, one batch per
 * unit of work) and the bulk replay (one batch per page of the event table). Writing happens in the caller's
 * transaction, together with the caller's record of how far it got, so a crash never counts an event twice.
 */
public final class Projector {

    private final JdbcTemplate jdbc;
    private final Runnable afterCommit;

    public Projector(JdbcTemplate jdbc) {
        this(jdbc, () -> { });
    }

    /**
     * @param afterCommit told once the transaction that wrote a batch has committed (or at once without one), so
     *                    a reader that keeps answers (the API's read cache) never keeps one from before the batch
     *                    under a generation that comes after it
     */
    public Projector(JdbcTemplate jdbc, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.afterCommit = afterCommit;
    }

    public ProjectionBatch newBatch() {
        return new ProjectionBatch();
    }

    /** Writes a batch the caller folded (the bulk replay, which advances its tokens while folding). */
    public void flush(ProjectionBatch batch) {
        batch.flush(jdbc);
        written();
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
        written();
    }

    private void written() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        } else {
            afterCommit.run();
        }
    }
}
