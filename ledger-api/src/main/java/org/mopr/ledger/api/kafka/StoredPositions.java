package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.mopr.ledger.projection.partition.PartitionOffsets;

import java.util.Collection;
import java.util.Map;

/** Seeks assigned partitions to the offsets stored in the database, the worker's only source of positions. */
final class StoredPositions {

    /** Records the group needs are gone from the broker (retention, a recreated topic): fatal. */
    static final class MissingRecordsException extends IllegalStateException {
        MissingRecordsException(String message) {
            super(message);
        }
    }

    private final PartitionOffsets offsets;
    private final String group;

    StoredPositions(PartitionOffsets offsets, String group) {
        this.offsets = offsets;
        this.group = group;
    }

    /** Seeks each partition to the group's stored offset (creating rows for partitions it never read). */
    void seek(Consumer<?, ?> c, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> earliest = c.beginningOffsets(partitions);
        Map<Integer, Long> stored = offsets.positions(partitions.stream().map(TopicPartition::partition).toList());
        for (TopicPartition partition : partitions) {
            long next = stored.get(partition.partition());
            long first = earliest.getOrDefault(partition, 0L);
            if (next < first) {
                throw new MissingRecordsException("group " + group + " needs " + partition
                        + " from offset " + next + " but the broker's earliest is " + first + ": those records were "
                        + "deleted (retention must be infinite, retention.ms=-1); rebuild with a new group on an empty "
                        + "database after republishing");
            }
            c.seek(partition, next);
        }
    }
}
