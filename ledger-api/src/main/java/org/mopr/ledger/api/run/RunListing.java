package org.mopr.ledger.api.run;

import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The run registry as readers see it. A run deleted through the API stays in the registry as FAILED with a reason
 * starting {@link #DELETED_MARK}: its id must stay taken, because its events stay in the store under that id and a
 * new run of the same scenario and seed would otherwise be given it again. Such a run is listed as DELETED.
 */
@Component
public class RunListing {

    public static final String DEFAULT_SCENARIO = "historical";
    public static final String DELETED_MARK = "deleted through the API";

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

    public RunListing(JdbcTemplate jdbc) {
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
}
