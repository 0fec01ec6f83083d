package org.mopr.ledger.api.web.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadCacheTest {

    private static ReadCache.Answer answer(int bytes) {
        return new ReadCache.Answer(List.of(Map.entry("Content-Type", "application/json")), new byte[bytes]);
    }

    private static ReadCache.Key keep(ReadCache cache, String target, ReadCache.Answer answer) {
        ReadCache.Key key = cache.key(target, "application/json");
        CompletableFuture<ReadCache.Answer> mine = new CompletableFuture<>();
        assertThat(cache.beginOrJoin(key, mine)).isNull();
        cache.done(key, mine, answer);
        return key;
    }

    @Test
    void anAnswerIsKeptUntilTheProjectionsChange() {
        ReadCache cache = new ReadCache(Duration.ofMinutes(1), 1 << 20, 1 << 10);
        ReadCache.Key key = keep(cache, "/api/flows?run=r", answer(100));
        assertThat(cache.kept(cache.key("/api/flows?run=r", "application/json"))).isNotNull();
        assertThat(cache.kept(cache.key("/api/flows?run=r", "text/csv"))).as("another variant").isNull();
        cache.invalidate();
        assertThat(cache.kept(key)).isNull();
        assertThat(cache.kept(cache.key("/api/flows?run=r", "application/json"))).isNull();
    }

    @Test
    void anAnswerMadeBeforeAChangeIsNeverFoundAfterIt() {
        ReadCache cache = new ReadCache(Duration.ofMinutes(1), 1 << 20, 1 << 10);
        ReadCache.Key before = cache.key("/api/flows", "");
        CompletableFuture<ReadCache.Answer> mine = new CompletableFuture<>();
        assertThat(cache.beginOrJoin(before, mine)).isNull();
        cache.invalidate(); // the projections change while the answer is being made from the old rows
        cache.done(before, mine, answer(10));
        assertThat(cache.kept(cache.key("/api/flows", ""))).isNull();
    }

    @Test
    void aSecondAskerJoinsTheFirstInsteadOfAskingAgain() throws Exception {
        ReadCache cache = new ReadCache(Duration.ofMinutes(1), 1 << 20, 1 << 10);
        ReadCache.Key key = cache.key("/api/membership", "");
        CompletableFuture<ReadCache.Answer> first = new CompletableFuture<>();
        assertThat(cache.beginOrJoin(key, first)).isNull();
        CompletableFuture<ReadCache.Answer> joined = cache.beginOrJoin(key, new CompletableFuture<>());
        assertThat(joined).isSameAs(first);
        ReadCache.Answer a = answer(5);
        cache.done(key, first, a);
        assertThat(joined.get()).isSameAs(a);
        assertThat(cache.beginOrJoin(key, new CompletableFuture<>())).as("nothing in flight any more").isNull();
    }

    @Test
    void largeAnswersAndFailuresAreNotKept() {
        ReadCache cache = new ReadCache(Duration.ofMinutes(1), 1 << 20, 1 << 10);
        keep(cache, "/big", answer((1 << 10) + 1));
        keep(cache, "/failed", null);
        assertThat(cache.kept(cache.key("/big", "application/json"))).isNull();
        assertThat(cache.kept(cache.key("/failed", "application/json"))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theBoundOnBytesHolds() {
        ReadCache cache = new ReadCache(Duration.ofMinutes(1), 64 * 1024, 1024);
        for (int i = 0; i < 1_000; i++) {
            keep(cache, "/api/x?i=" + i, answer(1000));
        }
        cache.cleanUp();
        assertThat(cache.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void zeroTimeToLiveTurnsItOff() {
        assertThat(new ReadCache(Duration.ZERO, 1 << 20, 1 << 10).enabled()).isFalse();
        assertThat(new ReadCache(Duration.ofSeconds(1), 1 << 20, 1 << 10).enabled()).isTrue();
    }

    @Test
    void nonsenseBoundsAreRefusedByName() {
        assertThatThrownBy(() -> new ReadCache(Duration.ofSeconds(-1), 1, 1)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new ReadCache(Duration.ofSeconds(1), 10, 11)).hasMessageContaining("max-entry-bytes");
    }
}
