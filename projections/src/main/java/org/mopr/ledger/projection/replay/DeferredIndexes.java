package org.mopr.ledger.projection.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Indexes that a rebuild of every run drops with the tables' rows and creates again after its last page, in the
 * transaction that marks the replay done, instead of maintaining them row by row. {@code proj_journal} holds two
 * lines per dues event, so its indexes cost PostgreSQL more than its rows: on the journal of a 500,000-event run
 * (1,000,814 lines, psql), a COPY took 0.9 s into the bare table, 1.7 s with the primary key and 3.6 s with the
 * account index as well, while building the two afterwards takes 0.4 s and 1.4 s (ledger-api/BENCHMARK.md).
 *
 * <p>The journal's primary key may go for the rebuild because it is not the guard against projecting an event
 * twice: {@code proj_event}'s is (every event writes its row there in the same batch and transaction as its journal
 * lines), and it stays. Building the key again also proves the rebuild wrote no line twice. A replay that fails
 * creates them again before it gives up, so the tables it leaves are indexed as before; one killed half way is
 * unfinished (its figures are reported as such, and nothing else projects meanwhile) and creates them when it is
 * resumed and done.
 */
final class DeferredIndexes {

    /** How to drop one, how to make it, and how to tell it is there (the migrations' definitions exactly). */
    private record Index(String name, String drop, String create, String exists) {
    }

    private static final List<Index> ALL = List.of(
            new Index("proj_journal_pkey",
                    "ALTER TABLE proj_journal DROP CONSTRAINT IF EXISTS proj_journal_pkey",
                    "ALTER TABLE proj_journal ADD CONSTRAINT proj_journal_pkey PRIMARY KEY (run_id, global_index, leg)",
                    "SELECT count(*) FROM pg_constraint WHERE conname = 'proj_journal_pkey' "
                            + "AND conrelid = 'proj_journal'::regclass"),
            new Index("proj_journal_account",
                    "DROP INDEX IF EXISTS proj_journal_account",
                    "CREATE INDEX proj_journal_account ON proj_journal (run_id, account, currency, posted_on)",
                    "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                            + "AND indexname = 'proj_journal_account'"));

    private DeferredIndexes() {
    }

    /** Drops them, in the caller's transaction (the one that empties the tables). */
    static void drop(JdbcTemplate jdbc) {
        for (Index index : ALL) {
            jdbc.execute(index.drop());
        }
    }

    /** Creates those that are missing, in the caller's transaction. */
    static void create(JdbcTemplate jdbc) {
        for (Index index : ALL) {
            Integer present = jdbc.queryForObject(index.exists(), Integer.class);
            if (present == null || present == 0) {
                jdbc.execute(index.create());
            }
        }
    }
}
