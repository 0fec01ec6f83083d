package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The global index of each event a streaming processor delivers. A token's position is not always its event's
 * index: an event that fills a gap (a transaction that committed after later ones) leaves the token's index where
 * it was. Comparing each token with the one before it in the stream tells the index exactly; what cannot be told
 * that way (the first event of a batch, an unfamiliar token) is looked up by event id, one query per batch.
 */
public final class GlobalIndexes {

    private GlobalIndexes() {
    }

    /**
     * The index of the event carrying {@code current}, knowing the token of the event just before it in the
     * stream; null when the tokens cannot tell.
     */
    static Long derive(TrackingToken previous, TrackingToken current) {
        GapAwareTrackingToken prev = gapAware(previous);
        GapAwareTrackingToken cur = gapAware(current);
        if (prev == null || cur == null) {
            return null;
        }
        if (cur.getIndex() > prev.getIndex()) {
            return cur.getIndex();   // the token moved on to this event
        }
        if (cur.getIndex() == prev.getIndex()) {
            // A gap was filled: it left the gaps, together with any gaps too old to keep, which all lie below it.
            SortedSet<Long> filled = new TreeSet<>(prev.getGaps());
            filled.removeAll(cur.getGaps());
            return filled.isEmpty() ? null : filled.last();
        }
        return null;
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        TrackingToken raw = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return raw instanceof GapAwareTrackingToken g ? g : null;
    }

    /** Envelopes for a batch of tracked domain events in stream order, in the caller's transaction. */
    static List<EventEnvelope> envelopes(JdbcTemplate jdbc, List<? extends EventMessage<?>> messages) {
        List<Long> indices = new ArrayList<>(messages.size());
        List<String> unknown = new ArrayList<>();
        TrackingToken previous = null;
        for (EventMessage<?> message : messages) {
            TrackingToken token = tracked(message).trackingToken();
            Long index = derive(previous, token);
            if (index == null) {
                unknown.add(message.getIdentifier());
            }
            indices.add(index);
            previous = token;
        }
        Map<String, Long> looked = lookUp(jdbc, unknown);
        List<EventEnvelope> envelopes = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            EventMessage<?> message = messages.get(i);
            Long index = indices.get(i) != null ? indices.get(i) : looked.get(message.getIdentifier());
            if (index == null) {
                throw new ProjectionException("event " + message.getIdentifier() + " (" + message.getPayloadType()
                        .getSimpleName() + ") is not in the event store");
            }
            DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
            envelopes.add(new EventEnvelope(index, domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                    message.getPayload()));
        }
        return envelopes;
    }

    private static TrackedEventMessage<?> tracked(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?>) || !(message instanceof TrackedEventMessage<?> tracked)) {
            throw new ProjectionException("projections read only tracked domain events from the store, got "
                    + message.getClass().getSimpleName() + " " + message.getPayloadType().getSimpleName());
        }
        return tracked;
    }

    private static Map<String, Long> lookUp(JdbcTemplate jdbc, List<String> eventIds) {
        Map<String, Long> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT eventidentifier, globalindex FROM domainevententry "
                    + "WHERE eventidentifier = ANY (?)");
            ps.setArray(1, con.createArrayOf("varchar", eventIds.toArray()));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), rs.getLong(2));
        });
        return found;
    }
}
