package org.mopr.ledger.projection.replay;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.support.ProjectionDatabase;
import org.mopr.ledger.projection.support.StoreWriter;
import org.mopr.ledger.projection.support.Story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild of every run builds the journal's primary key and account index after its last page, not row by row:
 * afterwards the projections' indexes and primary keys are exactly those the migrations made, and a rebuild that fails
 * half way leaves them there too.
 */
class DeferredIndexesTest {

    private static List<String> indexes(ProjectionDatabase db) {
        return db.jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename LIKE 'proj\\_%' ORDER BY indexname", String.class);
    }

    private static boolean journalAccountIndex(ProjectionDatabase db) {
        return indexes(db).stream().anyMatch(def -> def.contains("proj_journal_account"));
    }

    private static boolean journalPrimaryKey(ProjectionDatabase db) {
        return db.jdbc.queryForObject("SELECT count(*) FROM pg_constraint WHERE conrelid = 'proj_journal'::regclass "
                + "AND contype = 'p'", Integer.class) == 1;
    }

    private static List<String> primaryKeys(ProjectionDatabase db) {
        return db.jdbc.queryForList("SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE contype = 'p' AND conrelid::regclass::text LIKE 'proj\\_%' ORDER BY 1", String.class);
    }

    private static BulkRebuild rebuild(ProjectionDatabase db, TokenStore tokens) {
        return new BulkRebuild(db.jdbc, db.transactions, tokens, db.serializer, "projections", 1, 5, Duration.ofSeconds(1));
    }

    @Test
    void duringARebuildOfEveryRunTheAccountIndexIsAbsentAndAfterItTheIndexesAreThoseOfTheMigrations() {
        ProjectionDatabase db = ProjectionDatabase.fresh("deferred_indexes");
        Story.events("d1", new StoreWriter(db.jdbc, db.serializer)::append);
        List<String> migrated = indexes(db);
        List<String> keys = primaryKeys(db);
        assertThat(migrated).anyMatch(def -> def.contains("proj_journal_account"));
        assertThat(keys).contains("proj_journal PRIMARY KEY (run_id, global_index, leg)",
                "proj_event PRIMARY KEY (run_id, global_index)");
        List<Boolean> seenDuring = new ArrayList<>();
        List<Boolean> keySeenDuring = new ArrayList<>();

        rebuild(db, db.tokenStore()).rebuild(null, new ReplayListener() {
            @Override
            public void batchCommitted(long events, long position) {
                seenDuring.add(journalAccountIndex(db));
                keySeenDuring.add(journalPrimaryKey(db));
            }
        });

        assertThat(seenDuring).isNotEmpty().containsOnly(false);
        assertThat(keySeenDuring).isNotEmpty().containsOnly(false);
        assertThat(indexes(db)).isEqualTo(migrated);
        assertThat(primaryKeys(db)).isEqualTo(keys);
    }

    @Test
    void aRebuildThatFailsHalfWayLeavesTheIndexesInPlaceAndItsResumptionFinishesWithThem() {
        ProjectionDatabase db = ProjectionDatabase.fresh("deferred_indexes_fail");
        Story.events("d2", new StoreWriter(db.jdbc, db.serializer)::append);
        List<String> migrated = indexes(db);
        TokenStore tokens = db.tokenStore();
        AtomicInteger batches = new AtomicInteger();

        assertThatThrownBy(() -> rebuild(db, tokens).rebuild(null, new ReplayListener() {
            @Override
            public void batchCommitted(long events, long position) {
                if (batches.incrementAndGet() == 2) {
                    throw new IllegalStateException("killed");
                }
            }
        })).hasMessage("killed");

        assertThat(indexes(db)).isEqualTo(migrated);
        assertThat(journalPrimaryKey(db)).isTrue();
        assertThat(ReplayState.latest(db.jdbc).running()).isTrue();
        BulkRebuild.Result resumed = rebuild(db, tokens).rebuild(null, ReplayListener.NONE);
        assertThat(resumed.resumed()).isTrue();
        assertThat(indexes(db)).isEqualTo(migrated);
        assertThat(ReplayState.latest(db.jdbc).running()).isFalse();
    }

    @Test
    void aReplayOfOneRunAndACatchUpLeaveTheIndexAlone() {
        ProjectionDatabase db = ProjectionDatabase.fresh("deferred_indexes_run");
        Story.events("d3", new StoreWriter(db.jdbc, db.serializer)::append);
        TokenStore tokens = db.tokenStore();
        rebuild(db, tokens).rebuild(null, ReplayListener.NONE);
        List<Boolean> seenDuring = new ArrayList<>();
        ReplayListener look = new ReplayListener() {
            @Override
            public void batchCommitted(long events, long position) {
                seenDuring.add(journalAccountIndex(db) && journalPrimaryKey(db));
            }
        };

        rebuild(db, tokens).rebuild("d3", look);
        Story.events("d4", new StoreWriter(db.jdbc, db.serializer)::append);
        rebuild(db, tokens).catchUp(look);

        assertThat(seenDuring).isNotEmpty().containsOnly(true);
    }
}
