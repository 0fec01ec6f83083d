package org.mopr.ledger.api.reconcile;

import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.projection.query.ProjectionProgress;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits until the asynchronous projections hold every event of a run, so a report read right after a run
 * is about the whole run. Bounded: a projection that stalls is reported, not waited on forever.
 */
@Component
public class ProjectionCatchUp {

    private final ProjectionProgress progress;

    public ProjectionCatchUp(ProjectionQueries queries) {
        this.progress = queries.progress();
    }

    public void await(String runId, long events, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long projected = 0;
        while (System.nanoTime() < deadline) {
            projected = progress.projectedEvents(runId);
            if (projected >= events) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DomainException("the projections hold " + projected + " of run " + runId + "'s " + events
                + " events after " + timeout.toSeconds() + " s; run 'replay --run " + runId + "' to rebuild them");
    }
}
