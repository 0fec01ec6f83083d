package org.mopr.ledger.projection.support;

import org.mopr.ledger.projection.engine.EventEnvelope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events in global order as a store would hold them: global indices from 1 and sequence numbers per aggregate. */
public final class EventLog {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private long nextIndex = 1;

    public EventLog append(Object aggregateId, Object payload) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (a, b) -> a + 1);
        events.add(new EventEnvelope(nextIndex++, id, sequence, payload));
        return this;
    }

    /** Leaves a hole in the global sequence, as a rolled-back insert does. */
    public EventLog skip(long indices) {
        nextIndex += indices;
        return this;
    }

    public List<EventEnvelope> events() {
        return List.copyOf(events);
    }
}
