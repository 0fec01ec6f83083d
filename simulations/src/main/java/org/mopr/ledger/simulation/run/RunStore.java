package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.util.Map;

/** What the runner reads back from the event store once a run has been written. */
public interface RunStore {

    /**
     * What a run stored, read back in one pass.
     *
     * @param fingerprint           the run's events hashed in store order
     * @param eventsByTypeAndOrigin event counts keyed by "Type origin", e.g. "DuesCollected SIMULATED", sorted
     */
    record Contents(Fingerprint fingerprint, Map<String, Long> eventsByTypeAndOrigin) {
    }

    /** The fingerprint and the counts by type and origin, from one read of the run's events. */
    Contents contents(RunId runId);
}
