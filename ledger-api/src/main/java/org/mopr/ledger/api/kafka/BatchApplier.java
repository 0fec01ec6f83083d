package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mopr.ledger.projection.partition.PartitionFeed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka side of projections' {@link PartitionFeed}: one poll's records, by partition, decoded once (the store's
 * JSON mapper, a reader per event class) when they are prepared. What is skipped and why, and the transaction with
 * the offsets, are the feed's; this class only speaks Kafka's types.
 */
public final class BatchApplier {

    /** What one batch did; {@code nextOffsets} are the offsets stored with it. */
    public record Outcome(int records, int applied, int duplicates, int stale, Map<TopicPartition, Long> nextOffsets) {
    }

    private final PartitionFeed feed;
    private final PayloadDecoder decoder;
    private final String topic;
    private final WorkerHook hook;

    BatchApplier(PartitionFeed feed, PayloadDecoder decoder, String topic, WorkerHook hook) {
        this.feed = feed;
        this.decoder = decoder;
        this.topic = topic;
        this.hook = hook;
    }

    /** One poll's records as the container's batch listener receives them (each partition's in offset order). */
    Outcome apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        return write(prepare(records));
    }

    /** Decodes and folds one poll without touching the database (see {@link PartitionFeed#prepare}). */
    PartitionFeed.Prepared prepare(Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<PartitionFeed.Entry>> byPartition = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>())
                    .add(new PartitionFeed.Entry(record.offset(), () -> EventRecords.toEnvelope(record, decoder)));
        }
        return feed.prepare(byPartition);
    }

    /** Writes a prepared poll and its offsets in one transaction. */
    Outcome write(PartitionFeed.Prepared prepared) {
        PartitionFeed.Hook told = new PartitionFeed.Hook() {
            @Override
            public void received(int count) {
                hook.received(count);
            }

            @Override
            public void beforeCommit(PartitionFeed.Outcome outcome) {
                hook.beforeCommit(kafka(outcome));
            }
        };
        return kafka(feed.write(prepared, told));
    }

    private Outcome kafka(PartitionFeed.Outcome outcome) {
        Map<TopicPartition, Long> next = new HashMap<>();
        outcome.nextOffsets().forEach((partition, offset) -> next.put(new TopicPartition(topic, partition), offset));
        return new Outcome(outcome.records(), outcome.applied(), outcome.duplicates(), outcome.stale(), next);
    }
}
