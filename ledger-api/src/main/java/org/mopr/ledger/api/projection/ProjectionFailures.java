package org.mopr.ledger.api.projection;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The projection processor's error handler: counts every batch that failed and rolled back, then propagates the
 * failure, so the processor stops at the event and retries it (after Axon's back-off) instead of skipping it.
 * The projections write in the unit of work's prepare-commit phase, so their failures reach this processor-level
 * handler, not a listener-invocation handler (that one sees only exceptions thrown by the handler method itself).
 * The count is the {@code mopr.projection.failures} counter: a count that keeps rising says the processor is stuck
 * on one event (the log says which), where a lag gauge alone cannot tell a stuck processor from a slow one.
 */
public final class ProjectionFailures implements ErrorHandler {

    private final AtomicLong failures = new AtomicLong();

    @Override
    public void handleError(ErrorContext context) throws Exception {
        failures.incrementAndGet();
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** Batches of the projection processor that failed and were rolled back since start. */
    public long count() {
        return failures.get();
    }
}
