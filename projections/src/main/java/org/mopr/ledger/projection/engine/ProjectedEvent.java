package org.mopr.ledger.projection.engine;

import org.mopr.ledger.provenance.Provenance;

/**
 * An event with what every projection part needs worked out once: its run, type and provenance (and the id under
 * which that provenance is stored).
 */
public record ProjectedEvent(EventEnvelope envelope, String runId, String eventType, Provenance provenance,
                             Long provenanceId) {

    public long globalIndex() {
        return envelope.globalIndex();
    }

    public Object payload() {
        return envelope.payload();
    }

    /** The origin's name, or null for an event that states no provenance. */
    public String origin() {
        return provenance == null ? null : provenance.origin().name();
    }
}
