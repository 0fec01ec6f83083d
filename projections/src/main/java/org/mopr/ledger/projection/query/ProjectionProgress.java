package org.mopr.ledger.projection.query;

import org.mopr.ledger.projection.replay.ReplayState;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalLong;

/**
 * How far the projections got, for readiness checks, caches and metrics: the count of a run's projected events, its
 * last projected event, and the position of replays under way. Each reads an index's edge or a handful of rows.
 */
public final class ProjectionProgress {

    private final JdbcTemplate jdbc;

    public ProjectionProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's events the projections hold. */
    public long projectedEvents(String runId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }

    /** The global index of the run's last projected event; the primary key answers it from the index's edge. */
    public OptionalLong lastProjected(String runId) {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM proj_event WHERE run_id = ?", Long.class, runId);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** The positions bulk replays under way have reached. */
    public List<Long> runningReplayPositions() {
        return jdbc.queryForList("SELECT position FROM proj_replay WHERE status = 'RUNNING'", Long.class);
    }

    /** The newest replay's bookkeeping (none, running, stopped half way or finished). */
    public ReplayState latestReplay() {
        return ReplayState.latest(jdbc);
    }
}
