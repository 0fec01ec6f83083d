package org.mopr.ledger.projection.engine;

/**
 * One stored event as the projections need it: its place in the global stream, its aggregate and its payload.
 * Both feeds build these: Axon's processor from its messages (see {@link GlobalIndexes}), the bulk replay from rows
 * of the event table.
 */
public record EventEnvelope(long globalIndex, String aggregateId, long sequenceNumber, Object payload) {

    public EventEnvelope {
        if (aggregateId == null || aggregateId.indexOf('/') <= 0) {
            throw new ProjectionException("event #" + globalIndex + " has aggregate id '" + aggregateId
                    + "' without a run prefix (run/kind/key)");
        }
        if (payload == null) {
            throw new ProjectionException("event #" + globalIndex + " of " + aggregateId + " has no payload");
        }
    }

    /** The run: every aggregate id starts with it. */
    public String runId() {
        return aggregateId.substring(0, aggregateId.indexOf('/'));
    }

    public String eventType() {
        return payload.getClass().getSimpleName();
    }
}
