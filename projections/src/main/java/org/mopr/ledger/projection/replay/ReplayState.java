package org.mopr.ledger.projection.replay;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The newest replay in proj_replay, for readers that must not show figures from half-built projections. Replays run
 * one after the other (a second one resumes the first), so the newest is the one under way if any is; a replay
 * killed half way stays RUNNING until the next {@code replay} of its scope finishes it.
 *
 * @param id       grows with every replay begun, so a reader can tell that projections it checked were rebuilt since
 * @param scope    {@link BulkRebuild#ALL_RUNS} or a run id
 * @param position the global index the replay had reached when it last committed (-1 before its first page)
 * @param events   the events it has projected so far
 */
public record ReplayState(long id, String scope, boolean running, long position, long events) {

    /** No replay has ever begun. */
    public static final ReplayState NONE = new ReplayState(0, BulkRebuild.ALL_RUNS, false, -1, 0);

    public static ReplayState latest(JdbcTemplate jdbc) {
        return jdbc.query("SELECT replay_id, scope, status, position, events FROM proj_replay ORDER BY replay_id DESC LIMIT 1",
                (rs, n) -> new ReplayState(rs.getLong(1), rs.getString(2), "RUNNING".equals(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5))).stream().findFirst().orElse(NONE);
    }

    public boolean ofEveryRun() {
        return scope.equals(BulkRebuild.ALL_RUNS);
    }

    /** Whether this replay, while it runs, leaves the run's rows part built. */
    public boolean rebuilding(String runId) {
        return running && (ofEveryRun() || scope.equals(runId));
    }
}
