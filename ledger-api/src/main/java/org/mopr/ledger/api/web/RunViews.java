package org.mopr.ledger.api.web;

import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The run registry as the API shows it, and the run every read defaults to. A run deleted through the API stays in
 * the registry as FAILED with a reason starting {@link #DELETED_MARK}: its id must stay taken, because its events
 * stay in the store under that id and a new run of the same scenario and seed would otherwise be given it again.
 * The API shows such a run as DELETED and refuses to read it.
 */
@Component
public class RunViews {

    public static final String DEFAULT_SCENARIO = "historical";
    public static final String DELETED_MARK = "deleted through the API";

    /** A run as listed: ISO timestamps, and DELETED where the registry says FAILED because of a deletion. */
    public record RunView(String runId, String scenario, long seed, String status, long events, String fingerprint,
                          String failure, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    private static final RowMapper<RunView> ROW = (rs, n) -> {
        String failure = rs.getString("failure");
        String status = rs.getString("status");
        if ("FAILED".equals(status) && failure != null && failure.startsWith(DELETED_MARK)) {
            status = "DELETED";
        }
        return new RunView(rs.getString("run_id"), rs.getString("scenario"), rs.getLong("seed"), status,
                rs.getLong("events"), rs.getString("fingerprint"), failure,
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    };
    private static final String COLUMNS = "run_id, scenario, seed, status, events, fingerprint, failure, started_at, finished_at";

    private final JdbcTemplate jdbc;

    public RunViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<RunView> all(String scenario, PageRequest page) {
        if (scenario == null) {
            return Paged.query(jdbc, "SELECT " + COLUMNS + " FROM ledger_run ORDER BY started_at DESC, run_id", ROW, page);
        }
        return Paged.query(jdbc, "SELECT " + COLUMNS + " FROM ledger_run WHERE scenario = ? ORDER BY started_at DESC, run_id",
                ROW, page, scenario);
    }

    public Optional<RunView> find(String runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_run WHERE run_id = ?", ROW, runId).stream().findFirst();
    }

    /** The newest complete run of the historical scenario: what a read without {@code run} is about. */
    public Optional<RunView> latestHistorical() {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_run WHERE scenario = ? AND status = 'COMPLETE' "
                + "ORDER BY finished_at DESC, run_id LIMIT 1", ROW, DEFAULT_SCENARIO).stream().findFirst();
    }

    /** The run a read is about: the one named, or the default; a missing, malformed or deleted one is a 404. */
    public RunView resolve(String run) {
        if (run == null || run.isBlank()) {
            return latestHistorical().orElseThrow(() -> ApiProblem.unknownRun(
                    "no complete run of the " + DEFAULT_SCENARIO + " scenario yet: start one (POST /api/runs) or name a run"));
        }
        String id;
        try {
            id = RunId.of(run.trim()).value();
        } catch (DomainException e) {
            throw ApiProblem.unknownRun("no run '" + run + "': " + e.getMessage());
        }
        RunView view = find(id).orElseThrow(() -> ApiProblem.unknownRun("no run '" + id + "' in this store; GET /api/runs lists them"));
        if ("DELETED".equals(view.status())) {
            throw ApiProblem.unknownRun("run '" + id + "' was deleted: " + view.failure());
        }
        return view;
    }

    public String resolveId(String run) {
        return resolve(run).runId();
    }
}
