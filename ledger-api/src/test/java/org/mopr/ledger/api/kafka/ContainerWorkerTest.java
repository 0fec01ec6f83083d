package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker on spring-kafka's listener container builds the same tables as the
 * store's own processor, row for row (KafkaProjectionTest shows the error handler's rollback and retry);
 * it starts where the database's offsets say, not where Kafka's committed offsets say; and records gone from the
 * broker stop it with the reason.
 */
class ContainerWorkerTest {

    private static String topic;
    private static Map<String, List<String>> storeProjections;
    private static long events;

    @BeforeAll
    static void publishTwoRuns() {
        KafkaRig.Published published = KafkaRig.publishTwoRuns("container", "kafka_cstore");
        topic = published.topic();
        storeProjections = published.storeProjections();
        events = published.events();
        assertThat(ProjectionSnapshot.rows(storeProjections)).as("rows of the store's projections").isGreaterThan(1000);
    }

    @Test
    void theContainerWorkerBuildsTheStoresProjectionsRowForRowAndShowsItsLag() {
        String db = TestPostgres.freshDatabase("kafka_container");
        try (ConfigurableApplicationContext worker = KafkaRig.worker(db, topic, "container", 50, null)) {
            assertThat(worker.getBean(KafkaWorker.class)).isInstanceOf(ContainerWorker.class);
            JdbcTemplate jdbc = KafkaRig.jdbc(worker);
            KafkaRig.awaitProjected(jdbc, events);

            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            assertThat(KafkaRig.storedOffsets(jdbc, "container")).isEqualTo(events);
            WorkerMetrics metrics = worker.getBean(WorkerMetrics.class);
            assertThat(metrics.applied()).isEqualTo(events);
            assertThat(metrics.duplicates() + metrics.stale() + metrics.failures()).isZero();
            assertThat(worker.getBean(KafkaWorker.class).assignment()).hasSize(KafkaRig.PARTITIONS);

            MeterRegistry registry = worker.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.get(WorkerMetrics.LAG).gauge().value() == 0);
            assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters())
                    .as("kafka-clients' own metrics are bound").isNotEmpty();
        }
    }

    @Test
    void itStartsFromTheDatabasesOffsetsNotFromKafkasCommittedOnes() {
        String first = TestPostgres.freshDatabase("kafka_cfirst");
        try (ConfigurableApplicationContext worker = KafkaRig.worker(first, topic, "cseek", 500, null)) {
            KafkaRig.awaitProjected(KafkaRig.jdbc(worker), events);
        }
        // Kafka now holds the group's offsets at the end of the topic; an empty database must still get every event.
        String second = TestPostgres.freshDatabase("kafka_csecond");
        try (ConfigurableApplicationContext worker = KafkaRig.worker(second, topic, "cseek", 500, null)) {
            JdbcTemplate jdbc = KafkaRig.jdbc(worker);
            KafkaRig.awaitProjected(jdbc, events);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            assertThat(worker.getBean(WorkerMetrics.class).applied()).isEqualTo(events);
        }
    }

    @Test
    void recordsGoneFromTheBrokerStopTheWorkerWithTheReason() throws Exception {
        String gone = KafkaRig.freshTopic("gone");
        TopicPartition first = new TopicPartition(gone, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaRig.bootstrap()));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaRig.bootstrap()), new StringSerializer(),
                     new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(gone, KafkaRig.PARTITIONS, (short) 1))).all().get();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(gone, 0, "k", new byte[]{1})).get();
            }
            // As retention would: the group's database says offset 0, the broker now starts at 2.
            admin.deleteRecords(Map.of(first, RecordsToDelete.beforeOffset(2))).all().get();
        }
        String db = TestPostgres.freshDatabase("kafka_cgone");
        try (ConfigurableApplicationContext worker = KafkaRig.worker(db, gone, "cgone", 10, null)) {
            KafkaWorker running = worker.getBean(KafkaWorker.class);
            Throwable why = CompletableFuture.supplyAsync(() -> {
                try {
                    return running.awaitTermination();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(why).isNotNull();
            assertThat(why).hasStackTraceContaining("those records were deleted");
            assertThat(KafkaRig.projected(KafkaRig.jdbc(worker))).isZero();
        }
    }
}
