package org.mopr.ledger.api.bench;

import org.mopr.ledger.projection.engine.BinaryResults;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mopr.ledger.api.kafka.EventRecords;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The yardstick of the Kafka phase: a plain producer sends, for every stored event, the record the publisher
 * would send (same key, value bytes and headers, made by {@link EventRecords} from the event table, which needs
 * the payload deserialized for the provenance headers, as the publisher does), while a plain consumer reads them
 * back and deserializes every value with the ledger's JSON mapper. No Axon, no token, no wait for each batch's
 * acknowledgements, no projection: whatever the ledger's path costs beyond this is its own.
 */
final class PlainKafka implements AutoCloseable {

    private static final int FETCH_SIZE = 5_000;
    /** How long the consumer may see nothing new before the yardstick is declared stuck rather than slow. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final Map<String, Object> producerConfig;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final LongAdder acknowledged = new LongAdder();
    private final AtomicReference<Throwable> producerFailure = new AtomicReference<>();
    private volatile boolean abandoned;
    /** Every event's hash summed: the consumer uses what it read, so the JIT cannot drop the work of reading it. */
    private long checksum;

    /**
     * Assigns the consumer every partition of {@code topic} at its beginning before anything is timed, as the
     * workers have joined their group before the ledger's clock starts: neither side's figure includes finding
     * its partitions.
     */
    PlainKafka(DataSource dataSource, Map<String, Object> producerConfig, Map<String, Object> consumerConfig, String topic) {
        this.dataSource = dataSource;
        this.producerConfig = producerConfig;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Sends the records of the first {@code events} stored events on another thread while this one reads them
     * back; returns once all of them were read, the number read. Fails if a send failed or nothing arrives.
     */
    long run(long events) throws Exception {
        Thread producer = new Thread(() -> produce(events), "bench-plain-producer");
        producer.setDaemon(true);
        producer.start();
        try {
            return consume(events, producer);
        } finally {
            // A consumer that gave up leaves the producer nothing to send for.
            abandoned = true;
        }
    }

    private long consume(long events, Thread producer) throws Exception {
        PayloadReaders readers = new PayloadReaders();
        long read = 0;
        long lastProgress = System.nanoTime();
        while (read < events) {
            if (producerFailure.get() != null) {
                throw new IllegalStateException("the plain producer failed: " + producerFailure.get(), producerFailure.get());
            }
            long before = read;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                checksum += readers.read(EventRecords.text(record.headers(), EventRecords.TYPE), record.value()).hashCode();
                read++;
            }
            if (read != before) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("the plain consumer read " + read + " of " + events + " records of " + topic
                        + " and nothing more for " + STALL.toSeconds() + " s");
            }
        }
        producer.join(STALL.toMillis());
        if (producer.isAlive() || producerFailure.get() != null) {
            throw new IllegalStateException("the plain producer did not finish cleanly: " + producerFailure.get());
        }
        if (acknowledged.sum() != events) {
            throw new IllegalStateException("the broker acknowledged " + acknowledged.sum() + " of " + events + " plain records");
        }
        return read;
    }

    private void produce(long events) {
        PayloadReaders readers = new PayloadReaders();
        try (Connection c = dataSource.getConnection();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new ByteArraySerializer())) {
            // A cursor needs a transaction in PostgreSQL; without one the driver reads the whole result at once.
            c.setAutoCommit(false);
            // Payloads in binary, as the publisher asks for them.
            try (PreparedStatement s = BinaryResults.request(c.prepareStatement("SELECT globalindex, aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, payloadtype, payloadrevision, payload FROM domainevententry "
                    + "ORDER BY globalindex LIMIT ?"))) {
                s.setFetchSize(FETCH_SIZE);
                s.setLong(1, events);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && !abandoned && producerFailure.get() == null) {
                        String type = rs.getString(6);
                        byte[] payload = rs.getBytes(8);
                        EventRecords.StoredEvent event = new EventRecords.StoredEvent(rs.getLong(1), rs.getString(2),
                                rs.getLong(3), rs.getString(4), rs.getString(5),
                                new SimpleSerializedObject<>(payload, byte[].class, type, rs.getString(7)),
                                readers.read(type, payload));
                        producer.send(EventRecords.toRecord(topic, event), (metadata, e) -> {
                            if (e == null) {
                                acknowledged.increment();
                            } else {
                                producerFailure.compareAndSet(null, e);
                            }
                        });
                    }
                }
            }
            c.commit();
            producer.flush();
        } catch (Exception | Error e) {
            producerFailure.compareAndSet(null, e);
        }
    }

    long checksum() {
        return checksum;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
