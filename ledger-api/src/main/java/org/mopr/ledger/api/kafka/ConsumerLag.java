package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The lag from what the consumer learnt in its last fetches; a partition it knows no end for yet is asked about
 * directly, at most every few seconds. After a batch is handed over, the consumer's position is past it while it is
 * still being written, so those records are added: this counts records not yet applied. Called on the consumer's
 * thread only.
 */
final class ConsumerLag {

    private static final long LOOKUP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final WorkerMetrics metrics;
    private long lastLookup;

    ConsumerLag(WorkerMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param inFlight records past the consumer's position still being written (not yet applied) */
    void refresh(Consumer<?, ?> c, int inFlight) {
        long total = inFlight;
        Set<TopicPartition> unknown = new HashSet<>();
        for (TopicPartition partition : c.assignment()) {
            OptionalLong lag = c.currentLag(partition);
            if (lag.isPresent()) {
                // After a rebalance the position comes from the database and may lie beyond the end the consumer
                // last fetched for that partition: that partition has nothing to apply, not a negative amount.
                total += Math.max(0, lag.getAsLong());
            } else {
                unknown.add(partition);
            }
        }
        if (!unknown.isEmpty() && System.nanoTime() - lastLookup > LOOKUP_INTERVAL_NANOS) {
            lastLookup = System.nanoTime();
            for (Map.Entry<TopicPartition, Long> end : c.endOffsets(unknown, Duration.ofSeconds(5)).entrySet()) {
                total += Math.max(0, end.getValue() - c.position(end.getKey(), Duration.ofSeconds(5)));
            }
        }
        metrics.lag(total);
    }
}
