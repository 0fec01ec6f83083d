package org.mopr.ledger.api.run;

import org.mopr.ledger.projection.engine.ProjectionTables;
import org.mopr.ledger.projection.query.ProjectionProgress;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.shared.RunId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Deleting a run: its projection rows go and the registry marks it FAILED with {@link RunListing#DELETED_MARK}, in
 * one transaction, so no read shows it. What a deleted run keeps: its events (the event store is append-only), its
 * registry row (so the id stays taken) and therefore its place in a replay of every run.
 */
@Component
public class RunDeletion {

    /** Why a run cannot be deleted now; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** @param eventsKept the run's events that stay in the event store */
    public record Deleted(String runId, long eventsKept, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final JdbcRunRegistry registry;
    private final TransactionTemplate transactions;

    public RunDeletion(JdbcTemplate jdbc, ProjectionQueries queries, JdbcRunRegistry registry,
                       PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.progress = queries.progress();
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Deletes a run as listed; refuses a RUNNING run and a COMPLETE run whose projections are still catching up. */
    public Deleted delete(RunView run) {
        if ("DELETED".equals(run.status())) {
            throw new Refused("run " + run.runId() + " is already deleted");
        }
        if ("RUNNING".equals(run.status())) {
            throw new Refused("run " + run.runId() + " is still running; delete it once it has finished or failed");
        }
        long projected = progress.projectedEvents(run.runId());
        if ("COMPLETE".equals(run.status()) && projected < run.events()) {
            // The processor would write the remaining events' rows again right after the delete.
            throw new Refused("the projections hold " + projected + " of run " + run.runId() + "'s " + run.events()
                    + " events; delete it once they have caught up");
        }
        // A failed run's registry row does not count its events; the store does (by the run's aggregate-id prefix).
        long kept = "COMPLETE".equals(run.status()) ? run.events() : jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?", Long.class, run.runId() + "/%");
        String reason = RunListing.DELETED_MARK + " at " + Instant.now() + "; its events stay in the event store";
        transactions.executeWithoutResult(status -> {
            ProjectionTables.deleteRun(jdbc, run.runId());
            registry.failed(RunId.of(run.runId()), reason);
        });
        return new Deleted(run.runId(), kept, reason);
    }
}
