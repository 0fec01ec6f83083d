package org.mopr.ledger.api.run;

import jakarta.annotation.PreDestroy;
import org.mopr.ledger.api.projection.ProjectionsChanged;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The run registry in the {@code ledger_run} table, beside the events it describes. */
@Component
public class JdbcRunRegistry implements RunRegistry {

    private static final RowMapper<RunRecord> ROW = (rs, i) -> new RunRecord(RunId.of(rs.getString("run_id")),
            rs.getString("scenario"), rs.getLong("seed"), Status.valueOf(rs.getString("status")), rs.getLong("events"),
            rs.getString("fingerprint"));

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;
    private final UnrecordedFailures unrecorded;

    public JdbcRunRegistry(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.unrecorded = new UnrecordedFailures(this::markFailed, Duration.ofSeconds(1));
    }

    @Override
    public Optional<RunRecord> find(RunId runId) {
        return jdbc.query("SELECT * FROM ledger_run WHERE run_id = ?", ROW, runId.value()).stream().findFirst();
    }

    @Override
    public List<RunRecord> runsOf(String scenario, long seed) {
        return jdbc.query("SELECT * FROM ledger_run WHERE scenario = ? AND seed = ? ORDER BY started_at, run_id", ROW,
                scenario, seed);
    }

    /** Every run, newest first, bounded. */
    public List<RunRecord> all(int limit, int offset) {
        return jdbc.query("SELECT * FROM ledger_run ORDER BY started_at DESC, run_id LIMIT ? OFFSET ?", ROW, limit, offset);
    }

    /** The newest complete run of a scenario, the default of every query. */
    public Optional<RunRecord> latestComplete(String scenario) {
        return jdbc.query("SELECT * FROM ledger_run WHERE scenario = ? AND status = 'COMPLETE' "
                + "ORDER BY finished_at DESC LIMIT 1", ROW, scenario).stream().findFirst();
    }

    @Override
    public void started(RunId runId, String scenario, long seed, String scenarioText) {
        jdbc.update("INSERT INTO ledger_run (run_id, scenario, seed, status, scenario_text) VALUES (?, ?, ?, 'RUNNING', ?)",
                runId.value(), scenario, seed, scenarioText);
        ProjectionsChanged.announce(publisher);
    }

    /**
     * Registers a run COMPLETE in one statement, for a caller that stored it whole in the transaction this joins: the
     * row is never seen RUNNING, so it needs no INSERT before the events and UPDATE after (each a round trip).
     */
    public void storedWhole(RunId runId, String scenario, long seed, String scenarioText, long events, String fingerprint) {
        jdbc.update("INSERT INTO ledger_run (run_id, scenario, seed, status, scenario_text, events, fingerprint, finished_at) "
                + "VALUES (?, ?, ?, 'COMPLETE', ?, ?, ?, clock_timestamp())", runId.value(), scenario, seed, scenarioText, events,
                fingerprint);
        ProjectionsChanged.announce(publisher);
    }

    @Override
    public void completed(RunId runId, long events, String fingerprint) {
        jdbc.update("UPDATE ledger_run SET status = 'COMPLETE', events = ?, fingerprint = ?, finished_at = now() "
                + "WHERE run_id = ?", events, fingerprint, runId.value());
        ProjectionsChanged.announce(publisher);
    }

    /**
     * Marks the run FAILED. When the store cannot be reached (it is often why the run failed), the failure is kept and
     * written as soon as the store answers again, unless the caller's transaction must fail with it.
     */
    @Override
    public void failed(RunId runId, String reason) {
        String kept = reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), 2000));
        try {
            jdbc.update("UPDATE ledger_run SET status = 'FAILED', failure = ?, finished_at = now() WHERE run_id = ?",
                    kept, runId.value());
        } catch (DataAccessException e) {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                unrecorded.add(runId.value(), kept);
            }
            throw e;
        }
        ProjectionsChanged.announce(publisher);
    }

    /** A failure written late: only a run still RUNNING, so a later run's verdict on it is never overwritten. */
    private void markFailed(String runId, String reason) {
        if (jdbc.update("UPDATE ledger_run SET status = 'FAILED', failure = ?, finished_at = now() "
                + "WHERE run_id = ? AND status = 'RUNNING'", reason, runId) > 0) {
            ProjectionsChanged.announce(publisher);
        }
    }

    @PreDestroy
    void stopRetrying() {
        unrecorded.close();
    }
}
