package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.util.Map;

/** What the runner reads back from the event store once a run has been written. */
public interface RunStore {

    /** Hashes the run's events in store order. */
    Fingerprint fingerprint(RunId runId);

    /** Event counts keyed by "Type origin", e.g. "DuesCollected SIMULATED", sorted. */
    Map<String, Long> eventsByTypeAndOrigin(RunId runId);
}
