package org.mopr.ledger.api.kafka;

import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The Kafka settings of the publisher and the workers ({@code mopr.kafka.*}), each default written only here;
 * TopicSettings, PublisherSettings and WorkerSettings check them (their bounds depend on one another, e.g. the
 * in-sync replicas on the replication factor) and name the key that is wrong. Brokers, security and client tuning
 * are Spring's spring.kafka.*.
 *
 * @param topic                  the event topic
 * @param topicPartitions        partitions when the publisher creates the topic; fixed once events are published
 *                               (the key picks the partition)
 * @param topicReplicationFactor replicas when the publisher creates the topic
 * @param topicMinInsyncReplicas replicas that must have a record before acks=all acknowledges it
 */
@ConfigurationProperties("mopr.kafka")
public record LedgerKafkaProperties(@DefaultValue("mopr.events") String topic,
                                    @DefaultValue("12") int topicPartitions,
                                    @DefaultValue("1") short topicReplicationFactor,
                                    @DefaultValue("1") int topicMinInsyncReplicas,
                                    @DefaultValue @Valid Publisher publisher,
                                    @DefaultValue @Valid Worker worker) {

    /**
     * @param batchSize          events per page of the event table, acknowledged together before the publisher's
     *                           position moves past them (1..10,000)
     * @param ackTimeout         how long the publisher waits for a page's acknowledgements
     * @param gapTimeout         how long a hole in the global index is waited for before it is passed; Axon's
     *                           default gap timeout, 60 s (PublisherSettings, Holes)
     * @param maxInFlightBatches pages sent before the first of them is acknowledged (1..16)
     */
    public record Publisher(@DefaultValue("500") int batchSize, @DefaultValue("PT2M") Duration ackTimeout,
                            @DefaultValue("PT60S") Duration gapTimeout, @DefaultValue("4") int maxInFlightBatches) {
    }

    /**
     * @param group       the consumer group (project --group sets it)
     * @param pollTimeout how long one poll waits for records (also how quickly a stop is noticed)
     * @param maxBackoff  the longest wait between retries of a failed batch
     */
    public record Worker(String group, @DefaultValue("PT1S") Duration pollTimeout,
                         @DefaultValue("PT30S") Duration maxBackoff) {
    }

    TopicSettings topicSettings() {
        return new TopicSettings(topic, topicPartitions, topicReplicationFactor, topicMinInsyncReplicas);
    }

    PublisherSettings publisherSettings() {
        return new PublisherSettings(publisher.batchSize(), publisher.ackTimeout(), publisher.gapTimeout(),
                publisher.maxInFlightBatches());
    }

    WorkerSettings workerSettings() {
        return new WorkerSettings(worker.group() == null ? "" : worker.group(), topic, worker.pollTimeout(),
                worker.maxBackoff());
    }
}
