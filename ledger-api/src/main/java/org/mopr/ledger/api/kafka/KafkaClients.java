package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;

import java.util.HashMap;
import java.util.Map;

/**
 * Client settings from the usual spring.kafka.* properties, with the few that correctness rests on forced or
 * refused: a user may tune batching, compression, timeouts and security, but not turn the guarantees off. Public
 * for {@code bench}, whose plain producer and consumer must use exactly the publisher's and the workers' settings.
 */
public final class KafkaClients {

    /**
     * A worker holds one poll's records and their rows in memory until the batch commits. 2,000 records (about 1 MB
     * of events) per batch, up to 4 MB from one partition per fetch, and a fetch wait of 10 ms are what bench measured
     * for a bulk stream (BENCHMARK.md): with Kafka's 500 ms a worker holding the busy partition's records asks only
     * the idle partitions in its next fetch and waits the whole 500 ms for them, about 1,650 events/s.
     */
    static final int DEFAULT_MAX_POLL_RECORDS = 2_000;
    static final int DEFAULT_FETCH_MAX_WAIT_MS = 10;
    static final int DEFAULT_MAX_PARTITION_FETCH_BYTES = 4 << 20;
    static final int MAX_POLL_RECORDS = 10_000;

    private KafkaClients() {
    }

    /**
     * acks=all and idempotence: a record is acknowledged only when every in-sync replica has it, and a retried
     * send neither duplicates nor reorders it within its partition (at most 5 requests in flight).
     */
    public static Map<String, Object> producer(KafkaProperties properties, SslBundles ssl) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties(ssl));
        Object acks = config.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !"all".equals(acks.toString()) && !"-1".equals(acks.toString())) {
            throw new IllegalArgumentException("spring.kafka.producer.acks must be all for the event publisher (an "
                    + "acknowledged event must survive the loss of a broker), got " + acks);
        }
        if (config.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
            throw new IllegalArgumentException("spring.kafka.producer.transaction-id-prefix must not be set: the publisher's "
                    + "guarantee comes from its token and the consumers' duplicate check, not from Kafka transactions");
        }
        Object inFlight = config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight != null && Integer.parseInt(inFlight.toString()) > 5) {
            throw new IllegalArgumentException("max.in.flight.requests.per.connection must be at most 5, or a retried send "
                    + "may overtake a later one and reorder an aggregate's events, got " + inFlight);
        }
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /**
     * The worker stores offsets in its database, so Kafka's auto-commit is off, and it seeks every partition
     * itself: with auto.offset.reset=none a partition it did not position fails loudly instead of silently
     * starting at the end (skipping) or the beginning (repeating).
     */
    public static Map<String, Object> consumer(KafkaProperties properties, SslBundles ssl, String group) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties(ssl));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // Our producer is not transactional; read_committed only matters if someone else writes to the topic.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, DEFAULT_FETCH_MAX_WAIT_MS);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, DEFAULT_MAX_PARTITION_FETCH_BYTES);
        Object maxPoll = config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        int records = maxPoll == null ? DEFAULT_MAX_POLL_RECORDS : Integer.parseInt(maxPoll.toString());
        if (records < 1 || records > MAX_POLL_RECORDS) {
            throw new IllegalArgumentException("spring.kafka.consumer.max-poll-records must be between 1 and "
                    + MAX_POLL_RECORDS + " (a worker's batch is one poll), got " + records);
        }
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, records);
        return config;
    }

    public static Map<String, Object> admin(KafkaProperties properties, SslBundles ssl) {
        return new HashMap<>(properties.buildAdminProperties(ssl));
    }
}
