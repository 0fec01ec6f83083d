package org.mopr.ledger.projection.replay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.engine.ProjectionTables;
import org.mopr.ledger.projection.engine.Projector;
import org.mopr.ledger.projection.support.EventLog;
import org.mopr.ledger.projection.support.ProjectionDatabase;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.projection.support.StoreWriter;
import org.mopr.ledger.projection.support.Story;
import org.mopr.ledger.section.DuesCollected;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk replay on its own: a store written row by row, Axon's JDBC token store, no processor. */
class BulkRebuildTest {

    private static final String PROCESSOR = "projections";

    private static BulkRebuild rebuild(ProjectionDatabase db, TokenStore tokens, int batchSize) {
        return new BulkRebuild(db.jdbc, db.transactions, tokens, db.serializer, PROCESSOR, 1, batchSize, Duration.ofSeconds(1));
    }

    /**
     * The story of {@code runs} written to the store, one run after the other, and what projecting the same events
     * directly (no event table, no tokens) gives.
     */
    private static Map<String, List<String>> storeAndExpect(ProjectionDatabase db, String... runs) {
        StoreWriter store = new StoreWriter(db.jdbc, db.serializer);
        EventLog log = new EventLog();
        for (String run : runs) {
            Story.events(run, store::append);
            Story.events(run, log::append);
        }
        ProjectionDatabase expected = ProjectionDatabase.fresh("bulk_expected");
        expected.inTransaction(() -> new Projector(expected.jdbc).apply(log.events()));
        return ProjectionSnapshot.of(expected.jdbc);
    }

    private static TrackingToken token(ProjectionDatabase db, TokenStore tokens) {
        return new org.springframework.transaction.support.TransactionTemplate(db.transactions).execute(s -> {
            TrackingToken t = tokens.fetchToken(PROCESSOR, 0);
            tokens.releaseClaim(PROCESSOR, 0);
            return t;
        });
    }

    @Test
    void aRebuildOfEveryRunEqualsTheProjectionAndHandsOverItsPositionAsTheProcessorsToken() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_all");
        TokenStore tokens = db.tokenStore();
        Map<String, List<String>> expected = storeAndExpect(db, "b1");
        // Rows that a replay must drop: it rebuilds from the store alone.
        db.jdbc.update("INSERT INTO proj_balance VALUES ('stale', 'x', 'USD', 5, 1)");

        BulkRebuild.Result result = rebuild(db, tokens, 7).rebuild(null, ReplayListener.NONE);

        assertThat(result.events()).isEqualTo(25);
        assertThat(result.resumed()).isFalse();
        assertThat(ProjectionSnapshot.of(db.jdbc)).isEqualTo(expected);
        assertThat(ProjectionSnapshot.of(db.jdbc).get("proj_balance")).noneMatch(r -> r.contains("stale"));
        assertThat(token(db, tokens)).isEqualTo(GapAwareTrackingToken.newInstance(25, List.of()));
        assertThat(db.jdbc.queryForObject("SELECT status FROM proj_replay", String.class)).isEqualTo("DONE");
    }

    @Test
    void aReplayKilledHalfWayResumesWhereItsLastBatchCommittedWithoutCountingTwice() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_resume");
        TokenStore tokens = db.tokenStore();
        Map<String, List<String>> expected = storeAndExpect(db, "b2");
        AtomicInteger batches = new AtomicInteger();
        ReplayListener crashAfterTwoBatches = new ReplayListener() {
            @Override
            public void batchCommitted(long events, long position) {
                if (batches.incrementAndGet() == 2) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> rebuild(db, tokens, 5).rebuild(null, crashAfterTwoBatches)).hasMessage("killed");
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class)).isEqualTo(10);
        assertThat(token(db, tokens).position()).hasValue(10);

        BulkRebuild.Result resumed = rebuild(db, tokens, 5).rebuild(null, ReplayListener.NONE);

        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.events()).isEqualTo(15);
        assertThat(ProjectionSnapshot.of(db.jdbc)).isEqualTo(expected);
    }

    @Test
    void holesInTheSequenceBecomeGapsAndAnEventCommittedLateIntoOneIsProjectedOnResume() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_gaps");
        TokenStore tokens = db.tokenStore();
        StoreWriter store = new StoreWriter(db.jdbc, db.serializer);
        List<Object[]> events = new java.util.ArrayList<>();
        Story.events("g1", (aggregate, payload) -> events.add(new Object[]{aggregate, payload}));
        for (int i = 0; i < events.size(); i++) {
            store.append(events.get(i)[0], events.get(i)[1]);
            if (i == 9) {
                store.leaveHoles(3);   // 11, 12 and 13 never arrive (yet)
            }
        }
        AtomicInteger batches = new AtomicInteger();
        assertThatThrownBy(() -> rebuild(db, tokens, 12).rebuild(null, new ReplayListener() {
            @Override
            public void batchCommitted(long n, long position) {
                if (batches.incrementAndGet() == 1) {
                    throw new IllegalStateException("killed");
                }
            }
        })).hasMessage("killed");
        GapAwareTrackingToken afterCrash = (GapAwareTrackingToken) token(db, tokens);
        assertThat(afterCrash.getIndex()).isEqualTo(15);
        assertThat(afterCrash.getGaps()).containsExactly(11L, 12L, 13L);

        // A transaction that took number 12 commits only now: 20.00 USD of dues.
        db.jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
                        + "metadata, payload, payloadtype, timestamp) SELECT 12, 'g1/section/SU', 99, 'section', 'late', metadata, ?, "
                        + "?, timestamp FROM domainevententry WHERE globalindex = 1",
                db.serializer.serialize(new DuesCollected(Story.su("g1"), LocalDate.of(1924, 5, 1), "late cell",
                        Money.of(2_000, "USD"), Story.DUES_CLAIM), byte[].class).getData(), DuesCollected.class.getName());

        rebuild(db, tokens, 12).rebuild(null, ReplayListener.NONE);

        assertThat(db.jdbc.queryForObject("SELECT amount_minor FROM proj_income_month WHERE run_id = 'g1' AND kind = 'DUES' "
                + "AND month = '1924-05-01'", Long.class)).isEqualTo(2_000);
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class)).isEqualTo(events.size() + 1);
        GapAwareTrackingToken done = (GapAwareTrackingToken) token(db, tokens);
        assertThat(done.getIndex()).isEqualTo(events.size() + 3);
        assertThat(done.getGaps()).containsExactly(11L, 13L);
    }

    @Test
    void aReplayOfOneRunRebuildsOnlyItsRowsUpToTheProcessorsPosition() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_run");
        TokenStore tokens = db.tokenStore();
        Map<String, List<String>> expected = storeAndExpect(db, "ra", "rb");
        rebuild(db, tokens, 1000).rebuild(null, ReplayListener.NONE);
        db.jdbc.update("DELETE FROM proj_journal WHERE run_id = 'ra' AND global_index > 10");
        db.jdbc.update("UPDATE proj_balance SET balance_minor = 1 WHERE run_id = 'rb'");
        Map<String, List<String>> rbBroken = ProjectionSnapshot.of(db.jdbc);

        BulkRebuild.Result result = rebuild(db, tokens, 4).rebuild("ra", ReplayListener.NONE);

        assertThat(result.scope()).isEqualTo("ra");
        assertThat(result.events()).isEqualTo(25);
        Map<String, List<String>> after = ProjectionSnapshot.of(db.jdbc);
        for (String table : ProjectionTables.ALL) {
            assertThat(after.get(table).stream().filter(r -> r.startsWith("run_id=ra")).toList()).as(table)
                    .isEqualTo(expected.get(table).stream().filter(r -> r.startsWith("run_id=ra")).toList());
            assertThat(after.get(table).stream().filter(r -> r.startsWith("run_id=rb")).toList()).as(table)
                    .isEqualTo(rbBroken.get(table).stream().filter(r -> r.startsWith("run_id=rb")).toList());
        }
        assertThat(token(db, tokens).position()).as("the processor's token is left alone").hasValue(50);
    }

    @Test
    void anUnfinishedReplayOfAnotherScopeMustBeFinishedFirst() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_scope");
        TokenStore tokens = db.tokenStore();
        storeAndExpect(db, "s1");
        assertThatThrownBy(() -> rebuild(db, tokens, 5).rebuild(null, new ReplayListener() {
            @Override
            public void batchCommitted(long n, long position) {
                throw new IllegalStateException("killed");
            }
        })).hasMessage("killed");
        assertThatThrownBy(() -> rebuild(db, tokens, 5).rebuild("s1", ReplayListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("an unfinished replay of every run must be finished first: run 'replay'");
    }

    @Test
    void aProcessorClaimedElsewhereStopsTheReplayWithAClearMessage() {
        ProjectionDatabase db = ProjectionDatabase.fresh("bulk_claimed");
        storeAndExpect(db, "c1");
        TokenStore elsewhere = JdbcTokenStore.builder().nodeId("another-ledger")
                .connectionProvider(new TransactionAwareDataSourceProxy(db.dataSource)::getConnection)
                .serializer(db.serializer).build();
        db.inTransaction(() -> {
            elsewhere.initializeTokenSegments(PROCESSOR, 1);
            elsewhere.fetchToken(PROCESSOR, 0);
        });
        assertThatThrownBy(() -> rebuild(db, db.tokenStore(), 5).rebuild(null, ReplayListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is claimed by another process");
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_replay", Long.class)).isZero();
    }
}
