package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.util.Optional;

/** Where runs are registered, so that a run killed half way never looks complete. */
public interface RunRegistry {

    enum Status { RUNNING, COMPLETE, FAILED }

    record RunRecord(RunId runId, String scenario, long seed, Status status, long events, String fingerprint) {
    }

    Optional<RunRecord> find(RunId runId);

    /** The ids already taken by runs of this scenario and seed, in the order they were started. */
    java.util.List<RunRecord> runsOf(String scenario, long seed);

    void started(RunId runId, String scenario, long seed, String scenarioText);

    void completed(RunId runId, long events, String fingerprint);

    void failed(RunId runId, String reason);
}
