package org.mopr.ledger.projection.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/** The replay bookkeeping in proj_replay: which replay is under way, and (for one run) how far it got. */
final class ReplayLog {

    /** A replay under way. {@code scope} is {@link BulkRebuild#ALL_RUNS} or a run id. */
    record Entry(long id, String scope, long position, String bound, long events) {
    }

    private final JdbcTemplate jdbc;

    ReplayLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The replay under way, locked for the caller's transaction so two replays never run it at once. */
    Optional<Entry> running() {
        List<Entry> entries = jdbc.query("SELECT replay_id, scope, position, bound, events FROM proj_replay "
                        + "WHERE status = 'RUNNING' FOR UPDATE",
                (rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
        return entries.stream().findFirst();
    }

    Entry start(String scope, String bound) {
        Long id = jdbc.queryForObject("INSERT INTO proj_replay (scope, status, bound) VALUES (?, 'RUNNING', ?) "
                + "RETURNING replay_id", Long.class, scope, bound);
        return new Entry(id, scope, -1, bound, 0);
    }

    Entry progress(Entry entry, long position, long moreEvents) {
        jdbc.update("UPDATE proj_replay SET position = ?, events = events + ? WHERE replay_id = ?",
                position, moreEvents, entry.id());
        return new Entry(entry.id(), entry.scope(), position, entry.bound(), entry.events() + moreEvents);
    }

    void finish(Entry entry) {
        jdbc.update("UPDATE proj_replay SET status = 'DONE', finished_at = now() WHERE replay_id = ?", entry.id());
    }
}
