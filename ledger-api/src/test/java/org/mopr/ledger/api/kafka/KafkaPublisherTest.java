package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher: every stored event reaches the topic keyed by its aggregate with its headers, a failure after
 * the broker's acknowledgement and a restart in the middle lose nothing, and what they send twice a worker
 * applies once. Off by default, and it refuses settings that would weaken its guarantee.
 */
class KafkaPublisherTest {

    @Test
    void aPublisherThatFailsAfterTheAcknowledgementAndRestartsLosesNothingAndWorkersApplyEachEventOnce() throws Exception {
        String db = TestPostgres.freshDatabase("kafka_publisher");
        String topic = KafkaRig.freshTopic("publisher");
        long events;
        try (ConfigurableApplicationContext store = KafkaRig.store(db, null, null)) {
            store.getBean(RunService.class).run("historical", null, new PrintStream(OutputStream.nullOutputStream()));
            events = KafkaRig.stored(KafkaRig.jdbc(store));
        }
        // First start: the third batch fails once after Kafka acknowledged it (so it is sent again), and the
        // process stops right after the sixth batch was acknowledged, before its token commits.
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch sixthAcknowledged = new CountDownLatch(1);
        PublisherHook failing = indexes -> {
            int batch = batches.incrementAndGet();
            if (batch == 3) {
                throw new IllegalStateException("the database connection broke before the token was stored");
            }
            if (batch == 6) {
                sixthAcknowledged.countDown();
                throw new IllegalStateException("the process is going down");
            }
        };
        try (ConfigurableApplicationContext store = KafkaRig.store(db, topic, failing)) {
            assertThat(sixthAcknowledged.await(60, TimeUnit.SECONDS)).isTrue();
        }
        long afterCrash = KafkaRig.readAll(topic).values().stream().mapToLong(List::size).sum();
        assertThat(afterCrash).as("the first start stopped half way").isBetween(5L * 25, events - 1);

        Map<String, List<String>> storeProjections;
        try (ConfigurableApplicationContext store = KafkaRig.store(db, topic, null)) {
            KafkaRig.awaitProjectedAndPublished(store);
            storeProjections = ProjectionSnapshot.of(KafkaRig.jdbc(store));
        }

        Map<Integer, List<ConsumerRecord<String, byte[]>>> topicRecords = KafkaRig.readAll(topic);
        long records = topicRecords.values().stream().mapToLong(List::size).sum();
        Set<Long> published = new HashSet<>();
        topicRecords.values().forEach(list -> list.forEach(r -> published.add(EventRecords.globalIndex(r))));
        SingleConnectionDataSource storeDb = new SingleConnectionDataSource(db, true);
        try {
            JdbcTemplate storeJdbc = new JdbcTemplate(storeDb);
            assertThat(published).as("every stored event is on the topic").containsExactlyInAnyOrderElementsOf(
                    storeJdbc.queryForList("SELECT globalindex FROM domainevententry", Long.class));
            assertHeaders(storeJdbc, topicRecords);
        } finally {
            storeDb.destroy();
        }
        assertThat(records - published.size()).as("copies sent again: the third batch at least, and the sixth")
                .isGreaterThanOrEqualTo(2 * 25);
        assertEachAggregateInOrderInOnePartition(topicRecords);

        String workerDb = TestPostgres.freshDatabase("kafka_publisher_worker");
        try (ConfigurableApplicationContext worker = KafkaRig.worker(workerDb, topic, "after-restarts", 50, null)) {
            JdbcTemplate jdbc = KafkaRig.jdbc(worker);
            KafkaRig.awaitProjected(jdbc, events);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            WorkerMetrics metrics = worker.getBean(WorkerMetrics.class);
            assertThat(metrics.applied()).isEqualTo(events);
            assertThat(metrics.duplicates()).isEqualTo(records - events);
        }
    }

    /** Keys, runs, types, provenance and positions in the headers are those of the stored events. */
    private static void assertHeaders(JdbcTemplate store, Map<Integer, List<ConsumerRecord<String, byte[]>>> topic) {
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        store.queryForList("SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, type, payload "
                + "FROM domainevententry").forEach(row -> rows.put((Long) row.get("globalindex"), row));
        Set<String> origins = new HashSet<>();
        for (List<ConsumerRecord<String, byte[]>> partition : topic.values()) {
            for (ConsumerRecord<String, byte[]> record : partition) {
                Map<String, Object> row = rows.get(EventRecords.globalIndex(record));
                assertThat(record.key()).isEqualTo(row.get("aggregateidentifier"));
                assertThat(record.value()).isEqualTo(row.get("payload"));
                assertThat(EventRecords.text(record.headers(), EventRecords.RUN)).isEqualTo(record.key().split("/")[0]);
                assertThat(EventRecords.text(record.headers(), EventRecords.TYPE)).isEqualTo(row.get("payloadtype"));
                assertThat(EventRecords.text(record.headers(), EventRecords.AGGREGATE_TYPE)).isEqualTo(row.get("type"));
                assertThat(EventRecords.text(record.headers(), EventRecords.SEQUENCE))
                        .isEqualTo(row.get("sequencenumber").toString());
                String origin = EventRecords.text(record.headers(), EventRecords.ORIGIN);
                origins.add(origin);
                if ("DOCUMENTED".equals(origin)) {
                    assertThat(EventRecords.text(record.headers(), EventRecords.CLAIMS)).matches("c\\d{3}\\.[a-z0-9.,-]+");
                }
                if ("DERIVED".equals(origin)) {
                    assertThat(EventRecords.text(record.headers(), EventRecords.RULE)).isNotBlank();
                }
            }
        }
        assertThat(origins).as("the historical run has documented and derived events").contains("DOCUMENTED", "DERIVED");
    }

    /** Each aggregate lives in one partition, and its first copies arrive in sequence order. */
    private static void assertEachAggregateInOrderInOnePartition(Map<Integer, List<ConsumerRecord<String, byte[]>>> topic) {
        Map<String, Integer> partitionOf = new HashMap<>();
        for (Map.Entry<Integer, List<ConsumerRecord<String, byte[]>>> partition : topic.entrySet()) {
            Map<String, Long> lastSequence = new HashMap<>();
            Set<Long> seen = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : partition.getValue()) {
                assertThat(partitionOf.putIfAbsent(record.key(), partition.getKey()))
                        .as(record.key()).isIn(null, partition.getKey());
                if (seen.add(EventRecords.globalIndex(record))) {
                    long sequence = Long.parseLong(EventRecords.text(record.headers(), EventRecords.SEQUENCE));
                    Long previous = lastSequence.put(record.key(), sequence);
                    assertThat(sequence).as(record.key()).isEqualTo(previous == null ? 0 : previous + 1);
                }
            }
        }
        assertThat(new HashSet<>(partitionOf.values())).as("the aggregates are spread over the partitions")
                .hasSize(KafkaRig.PARTITIONS);
    }

    @Test
    void thePublisherIsOffByDefault() {
        String db = TestPostgres.freshDatabase("kafka_off");
        // A broker address nobody listens on: the application must neither need nor try it.
        try (ConfigurableApplicationContext store = LedgerContexts.start(db, "--spring.kafka.bootstrap-servers=127.0.0.1:1")) {
            assertThat(store.getBeanNamesForType(KafkaEventPublisher.class)).isEmpty();
            assertThat(store.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(KafkaEventPublisher.NAME)).isEmpty();
        }
    }

    @Test
    void settingsThatWouldWeakenThePublishersGuaranteeAreRefusedAtStartUp() {
        String db = TestPostgres.freshDatabase("kafka_refused");
        List<String> messages = new ArrayList<>();
        for (String setting : List.of("--spring.kafka.producer.acks=1",
                "--spring.kafka.producer.properties.max.in.flight.requests.per.connection=10",
                "--mopr.kafka.publisher.ack-timeout=PT0S")) {
            assertThatThrownBy(() -> KafkaRig.store(db, "mopr.refused", null, setting).close())
                    .satisfies(e -> messages.add(rootMessage(e)));
        }
        assertThat(messages).containsExactly(
                "spring.kafka.producer.acks must be all for the event publisher (an acknowledged event must survive the "
                        + "loss of a broker), got 1",
                "max.in.flight.requests.per.connection must be at most 5, or a retried send may overtake a later one "
                        + "and reorder an aggregate's events, got 10",
                "mopr.kafka.publisher.ack-timeout must be a positive duration, got PT0S");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
