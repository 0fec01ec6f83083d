package org.mopr.ledger.projection.replay;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Secondary indexes that a rebuild of every run drops with the tables' rows and creates again after its last page,
 * in the transaction that marks the replay done, instead of maintaining them row by row: {@code proj_journal}'s
 * account index cost PostgreSQL about as much as the journal's rows themselves (two lines per dues event, inserted
 * into the middle of the index), and one build at the end is cheaper (ledger-api/BENCHMARK.md). Only indexes no
 * constraint depends on: the primary keys stay, as the guard against projecting an event twice. A replay that fails
 * creates them again before it gives up, so the tables it leaves are indexed as before; one killed half way is
 * unfinished (its figures are reported as such) and creates them when it is resumed and done.
 */
final class DeferredIndexes {

    /** Name and definition, exactly as the migrations create them (DeferredIndexesTest compares the catalog). */
    private record Index(String name, String definition) {
    }

    private static final List<Index> ALL = List.of(
            new Index("proj_journal_account", "proj_journal (run_id, account, currency, posted_on)"));

    private DeferredIndexes() {
    }

    /** Drops them, in the caller's transaction (the one that empties the tables). */
    static void drop(JdbcTemplate jdbc) {
        for (Index index : ALL) {
            jdbc.execute("DROP INDEX IF EXISTS " + index.name());
        }
    }

    /** Creates those that are missing, in the caller's transaction. */
    static void create(JdbcTemplate jdbc) {
        for (Index index : ALL) {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + index.definition());
        }
    }
}
