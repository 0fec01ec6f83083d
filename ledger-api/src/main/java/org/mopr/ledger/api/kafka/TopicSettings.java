package org.mopr.ledger.api.kafka;

import org.apache.kafka.common.internals.Topic;

/**
 * The topic every stored event is published to, and how the publisher creates it when it is missing.
 * The partition count is fixed once events are published: the key's hash picks the partition, so adding
 * partitions later would send an aggregate's next events to another partition than its earlier ones.
 *
 * @param name              the topic (mopr.kafka.topic)
 * @param partitions        partitions when the publisher creates it; the upper bound of a worker group's size
 * @param replicationFactor replicas when the publisher creates it (3 on a three-broker cluster)
 * @param minInsyncReplicas replicas that must have a record before acks=all acknowledges it (2 of 3)
 */
public record TopicSettings(String name, int partitions, short replicationFactor, int minInsyncReplicas) {

    public static final int MAX_PARTITIONS = 1024;

    public TopicSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("mopr.kafka.topic must name a topic");
        }
        try {
            Topic.validate(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mopr.kafka.topic '" + name + "' is not a valid topic name: " + e.getMessage());
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("mopr.kafka.topic-partitions must be between 1 and " + MAX_PARTITIONS
                    + ", got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("mopr.kafka.topic-replication-factor must be at least 1, got " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("mopr.kafka.topic-min-insync-replicas must be between 1 and the replication "
                    + "factor " + replicationFactor + ", got " + minInsyncReplicas);
        }
    }
}
