package org.mopr.ledger.api.kafka;

/**
 * Told after a batch's rows and offsets are written and before its transaction commits: the worst moment for a
 * worker to die. Tests fail or stop the worker here; a bean of this type, when present, is called.
 */
@FunctionalInterface
public interface WorkerHook {

    WorkerHook NONE = batch -> { };

    void beforeCommit(BatchApplier.Outcome batch);
}
