package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One stored event as the projections need it: its place in the global stream, its aggregate and its payload.
 * Both feeds build these: Axon's processor from its messages, the bulk replay from rows of the event table.
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

    /**
     * From a message of Axon's streaming processor. Such messages are tracked domain events; anything else did
     * not come from the event store and has no place in a projection that must be rebuilt from it.
     */
    public static EventEnvelope of(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || !(message instanceof TrackedEventMessage<?> tracked)) {
            throw new ProjectionException("projections read only tracked domain events from the store, got "
                    + message.getClass().getSimpleName() + " " + message.getPayloadType().getSimpleName());
        }
        long index = tracked.trackingToken().position().orElseThrow(() -> new ProjectionException(
                "event " + message.getIdentifier() + " has a tracking token without a position: "
                        + tracked.trackingToken()));
        return new EventEnvelope(index, domain.getAggregateIdentifier(), domain.getSequenceNumber(), message.getPayload());
    }

    /** The run: every aggregate id starts with it. */
    public String runId() {
        return aggregateId.substring(0, aggregateId.indexOf('/'));
    }

    public String eventType() {
        return payload.getClass().getSimpleName();
    }
}
