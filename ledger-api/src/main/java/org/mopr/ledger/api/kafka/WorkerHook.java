package org.mopr.ledger.api.kafka;

/**
 * Told at the two moments of a batch where a worker's death or stall matters most: before its transaction
 * begins (a worker paused there may have lost its partitions when it goes on) and after its rows and offsets are
 * written but before they commit. Tests fail or stall the worker there; a bean of this type, when present, is
 * called.
 */
@FunctionalInterface
public interface WorkerHook {

    WorkerHook NONE = batch -> { };

    /** The poll returned {@code records} records; no row is locked yet. */
    default void received(int records) {
    }

    void beforeCommit(BatchApplier.Outcome batch);
}
