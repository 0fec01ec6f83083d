package org.mopr.ledger.api.reconcile;

import org.mopr.ledger.shared.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits until the asynchronous projections hold every event of a run, so a report read right after a run
 * is about the whole run. Bounded: a projection that stalls is reported, not waited on forever.
 */
@Component
public class ProjectionCatchUp {

    private final JdbcTemplate jdbc;

    public ProjectionCatchUp(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void await(String runId, long events, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long projected = 0;
        while (System.nanoTime() < deadline) {
            projected = jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, runId);
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
