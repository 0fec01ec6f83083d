package org.mopr.ledger.api.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.mopr.ledger.api.projection.ProjectionsChanged;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers of the read endpoints, kept as the bytes that were sent. The projections change only when events are
 * projected, a replay runs or a run is registered, finished or deleted; in this process each of those says so
 * ({@link ProjectionsChanged}) and every kept answer is dropped, so a client of this process reads its own writes.
 * Changes made by another process (Kafka workers, a replay from the command line) are seen within the time to
 * live. Under load every client asking the same question shares one query: the first one asks the database, the
 * others wait for its answer instead of queueing their own copies in front of PostgreSQL.
 */
public final class ReadCache {

    /** The question: path and query as sent, and what the client accepts (JSON or CSV). */
    record Key(long generation, String target, String accept) {
    }

    /** A 200 answer: its headers (content type first) and body. */
    record Answer(List<Map.Entry<String, String>> headers, byte[] body) {
        int weight() {
            int w = body.length + 64;
            for (Map.Entry<String, String> h : headers) {
                w += h.getKey().length() + h.getValue().length();
            }
            return w;
        }
    }

    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Answer> answers;
    // One entry per question being answered right now, so bounded by the server's request threads.
    private final Map<Key, CompletableFuture<Answer>> loading = new ConcurrentHashMap<>();
    private final long maxEntryBytes;
    private final boolean enabled;

    /**
     * @param ttl           how long an answer is kept at most; zero turns the cache off
     * @param maxBytes      the bound on all kept answers together (least used go first)
     * @param maxEntryBytes answers larger than this are never kept
     */
    public ReadCache(Duration ttl, long maxBytes, long maxEntryBytes) {
        if (ttl.isNegative() || maxBytes < 0 || maxEntryBytes < 0 || maxEntryBytes > maxBytes) {
            throw new IllegalArgumentException("read cache: ttl >= 0 and 0 <= max-entry-bytes <= max-bytes, got ttl "
                    + ttl + ", max-bytes " + maxBytes + ", max-entry-bytes " + maxEntryBytes);
        }
        this.enabled = !ttl.isZero() && maxBytes > 0;
        this.maxEntryBytes = maxEntryBytes;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(enabled ? ttl : Duration.ofMillis(1))
                .maximumWeight(maxBytes)
                .<Key, Answer>weigher((k, a) -> a.weight() + k.target().length())
                .recordStats()
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, answers, "mopr.api.read-cache");
    }

    Key key(String target, String accept) {
        return new Key(generation.get(), target, accept == null ? "" : accept);
    }

    Answer kept(Key key) {
        return answers.getIfPresent(key);
    }

    /** Null when the caller is to answer (and then call {@link #done}); else the answer another caller is making. */
    CompletableFuture<Answer> beginOrJoin(Key key, CompletableFuture<Answer> mine) {
        return loading.putIfAbsent(key, mine);
    }

    /** @param answer null when the answer is not to be kept (not a 200, too large, failed) */
    void done(Key key, CompletableFuture<Answer> mine, Answer answer) {
        try {
            if (answer != null && answer.body().length <= maxEntryBytes) {
                answers.put(key, answer);
            }
        } finally {
            loading.remove(key, mine);
            mine.complete(answer);
        }
    }

    @EventListener
    public void on(ProjectionsChanged changed) {
        invalidate();
    }

    /** A new generation first: an answer being made from the old state is then kept where no one looks. */
    public void invalidate() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    long size() {
        return answers.estimatedSize();
    }

    /** Runs pending evictions now (Caffeine does them lazily). */
    void cleanUp() {
        answers.cleanUp();
    }
}
