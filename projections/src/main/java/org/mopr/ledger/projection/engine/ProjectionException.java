package org.mopr.ledger.projection.engine;

/**
 * A projection cannot go on: an event it cannot place, a movement that does not balance. It fails the batch (and
 * its transaction) so the processor retries and keeps saying why, instead of skipping the event.
 */
public class ProjectionException extends RuntimeException {
    public ProjectionException(String message) {
        super(message);
    }
}
