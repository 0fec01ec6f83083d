package org.mopr.ledger.projection.engine;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.support.ProjectionDatabase;
import org.mopr.ledger.projection.support.StoreWriter;
import org.mopr.ledger.projection.support.Story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's global index from the processor's tokens: its position, except for an event that fills a gap. */
class GlobalIndexesTest {

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    @Test
    void aTokenThatMovesOnGivesItsIndexAndAFilledGapGivesTheGap() {
        assertThat(GlobalIndexes.derive(token(5), token(6))).isEqualTo(6);
        assertThat(GlobalIndexes.derive(token(6), token(9, 7L, 8L))).isEqualTo(9);
        // #8 commits late: the token stays at 9 and loses the gap.
        assertThat(GlobalIndexes.derive(token(9, 7L, 8L), token(9, 7L))).isEqualTo(8);
        // Filling 15000 also drops gap 5, too old to keep: the filled one is the highest that left.
        GapAwareTrackingToken before = token(20_000, 5L, 15_000L);
        assertThat(GlobalIndexes.derive(before, before.advanceTo(15_000, 10_000))).isEqualTo(15_000);
        assertThat(GlobalIndexes.derive(ReplayToken.createReplayToken(token(50), token(9)), token(10))).isEqualTo(10);
    }

    @Test
    void withoutTheTokenBeforeItTheIndexIsNotGuessed() {
        assertThat(GlobalIndexes.derive(null, token(6))).isNull();
        assertThat(GlobalIndexes.derive(token(9), token(9))).isNull();
        assertThat(GlobalIndexes.derive(token(9), token(4))).isNull();
    }

    @Test
    void aBatchIsPlacedByItsTokensAndItsFirstEventByTheStore() {
        ProjectionDatabase db = ProjectionDatabase.fresh("indexes");
        StoreWriter store = new StoreWriter(db.jdbc, db.serializer);
        Story.events("ix", store::append);
        List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT globalindex, eventidentifier, aggregateidentifier, "
                + "sequencenumber FROM domainevententry ORDER BY globalindex");
        // The stream delivers #3 late, after #4 and #5, as a transaction committing last would.
        int[] order = {0, 1, 3, 4, 2};
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        GapAwareTrackingToken t = null;
        List<Object> payloads = new ArrayList<>();
        Story.events("ix", (aggregate, payload) -> payloads.add(payload));
        for (int i : order) {
            long index = i + 1;
            t = t == null ? GapAwareTrackingToken.newInstance(index, List.of())
                    : t.advanceTo(index, 10_000);
            Map<String, Object> row = rows.get(i);
            messages.add(new GenericTrackedDomainEventMessage<>(t, new GenericDomainEventMessage<>("x",
                    (String) row.get("aggregateidentifier"), (Long) row.get("sequencenumber"), payloads.get(i),
                    MetaData.emptyInstance(), (String) row.get("eventidentifier"), Instant.now())));
        }
        // Starting the batch at the third delivery: its first event must come from the store.
        List<EventEnvelope> envelopes = GlobalIndexes.envelopes(db.jdbc, messages.subList(2, 5));
        assertThat(envelopes).extracting(EventEnvelope::globalIndex).containsExactly(4L, 5L, 3L);
        assertThat(envelopes.get(2).payload()).isEqualTo(payloads.get(2));
    }
}
