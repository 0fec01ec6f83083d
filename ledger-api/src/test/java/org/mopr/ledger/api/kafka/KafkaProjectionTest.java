package org.mopr.ledger.api.kafka;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Projections built by workers from Kafka equal those the store's own processor built, row for row: for one
 * worker, for a worker killed in the middle of a batch and started again, for a batch that fails and is retried,
 * for two workers of one group sharing the partitions, and for a worker that comes back from a pause to find its
 * partitions taken over. The topic holds two runs (the historical one and a
 * what-if that dissolves a section, whose events must arrive in their aggregate's order).
 */
class KafkaProjectionTest {

    private static String topic;
    private static Map<String, List<String>> storeProjections;
    private static long events;
    private static long records;

    /** A crash of the worker's process, as far as the worker's thread and transaction can tell. */
    private static final class Killed extends Error {
        Killed() {
            super("killed for the test");
        }
    }

    @BeforeAll
    static void publishTwoRuns() {
        KafkaRig.Published published = KafkaRig.publishTwoRuns("projection", "kafka_store");
        topic = published.topic();
        storeProjections = published.storeProjections();
        events = published.events();
        records = KafkaRig.readAll(topic).values().stream().mapToLong(List::size).sum();
        assertThat(ProjectionSnapshot.rows(storeProjections)).as("rows of the store's projections").isGreaterThan(1000);
        assertThat(records).as("nothing failed while publishing, so nothing was sent twice").isEqualTo(events);
    }

    @Test
    void aWorkerBuildsTheStoresProjectionsRowForRowAndShowsItsLag() {
        String db = TestPostgres.freshDatabase("kafka_worker");
        AtomicLong highestLag = new AtomicLong();
        AtomicReference<WorkerMetrics> metrics = new AtomicReference<>();
        WorkerHook sampleLag = batch -> highestLag.accumulateAndGet(metrics.get().lag(), Math::max);
        try (ConfigurableApplicationContext worker = KafkaRig.worker(db, topic, "single", 20, sampleLag)) {
            metrics.set(worker.getBean(WorkerMetrics.class));
            JdbcTemplate jdbc = KafkaRig.jdbc(worker);
            KafkaRig.awaitProjected(jdbc, events);

            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            assertThat(KafkaRig.storedOffsets(jdbc, "single")).isEqualTo(records);
            assertThat(metrics.get().applied()).isEqualTo(events);
            assertThat(metrics.get().duplicates() + metrics.get().stale()).isZero();
            // Not a second feed of the same tables: the worker's context has no Axon, so no store-fed processor.
            assertThat(worker.getBeanNamesForType(org.axonframework.config.Configuration.class)).isEmpty();

            MeterRegistry registry = worker.getBean(MeterRegistry.class);
            assertThat(highestLag.get()).as("lag seen while catching up").isGreaterThan(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> registry.get(WorkerMetrics.LAG).gauge().value() == 0);
            assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters())
                    .as("kafka-clients' own metrics are bound").isNotEmpty();
        }
    }

    @Test
    void aWorkerKilledInTheMiddleOfABatchResumesAfterTheLastCommittedOneAndEndsWithTheSameTables() throws Exception {
        String db = TestPostgres.freshDatabase("kafka_killed");
        AtomicInteger batches = new AtomicInteger();
        WorkerHook dieInFifthBatch = batch -> {
            if (batches.incrementAndGet() == 5) {
                throw new Killed();
            }
        };
        long projectedAtDeath;
        try (ConfigurableApplicationContext first = KafkaRig.worker(db, topic, "killed", 10, dieInFifthBatch)) {
            KafkaWorker worker = first.getBean(KafkaWorker.class);
            assertThat(worker.awaitTermination()).isInstanceOf(Killed.class);
            JdbcTemplate jdbc = KafkaRig.jdbc(first);
            projectedAtDeath = KafkaRig.projected(jdbc);
            // Four batches of at most ten records committed; the fifth's rows and offsets rolled back together.
            assertThat(projectedAtDeath).isBetween(4L, 40L);
            assertThat(KafkaRig.storedOffsets(jdbc, "killed")).isEqualTo(projectedAtDeath);
        }
        try (ConfigurableApplicationContext second = KafkaRig.worker(db, topic, "killed", 10, null)) {
            JdbcTemplate jdbc = KafkaRig.jdbc(second);
            KafkaRig.awaitProjected(jdbc, events);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            WorkerMetrics metrics = second.getBean(WorkerMetrics.class);
            // Exactly after the last committed batch: nothing read again, nothing left out.
            assertThat(metrics.applied()).isEqualTo(events - projectedAtDeath);
            assertThat(metrics.duplicates() + metrics.stale()).isZero();
        }
    }

    @Test
    void aFailedBatchIsRolledBackAndRetriedFromTheStoredOffsets() {
        String db = TestPostgres.freshDatabase("kafka_retry");
        AtomicInteger batches = new AtomicInteger();
        WorkerHook failThirdBatchOnce = batch -> {
            if (batches.incrementAndGet() == 3) {
                throw new IllegalStateException("the database went away for a moment");
            }
        };
        try (ConfigurableApplicationContext worker = KafkaRig.worker(db, topic, "retry", 15, failThirdBatchOnce)) {
            JdbcTemplate jdbc = KafkaRig.jdbc(worker);
            KafkaRig.awaitProjected(jdbc, events);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
            WorkerMetrics metrics = worker.getBean(WorkerMetrics.class);
            assertThat(metrics.failures()).isEqualTo(1);
            assertThat(metrics.applied()).isEqualTo(events);
            assertThat(metrics.duplicates() + metrics.stale()).isZero();
        }
    }

    @Test
    void twoWorkersOfOneGroupSplitThePartitionsAndTogetherBuildTheSameTables() {
        String db = TestPostgres.freshDatabase("kafka_two");
        AtomicReference<KafkaWorker> second = new AtomicReference<>();
        AtomicInteger firstAlone = new AtomicInteger();
        AtomicReference<KafkaWorker> first = new AtomicReference<>();
        // The first worker goes slowly until the second has joined, so the group has work left to share.
        WorkerHook slowUntilJoined = batch -> {
            KafkaWorker joined = second.get();
            if (joined == null || joined.assignment().isEmpty()) {
                firstAlone.accumulateAndGet(first.get().assignment().size(), Math::max);
                sleep(40);
            }
        };
        try (ConfigurableApplicationContext one = KafkaRig.worker(db, topic, "pair", 5, slowUntilJoined)) {
            first.set(one.getBean(KafkaWorker.class));
            JdbcTemplate jdbc = KafkaRig.jdbc(one);
            await().atMost(Duration.ofSeconds(30)).until(() -> KafkaRig.projected(jdbc) > 0);
            try (ConfigurableApplicationContext two = KafkaRig.worker(db, topic, "pair", 5, null)) {
                second.set(two.getBean(KafkaWorker.class));
                KafkaRig.awaitProjected(jdbc, events);

                assertThat(firstAlone.get()).as("alone, the first worker read every partition").isEqualTo(KafkaRig.PARTITIONS);
                Set<TopicPartition> a = first.get().assignment();
                Set<TopicPartition> b = second.get().assignment();
                assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
                assertThat(b).isNotEmpty();
                Set<TopicPartition> both = new HashSet<>(a);
                both.addAll(b);
                assertThat(both).hasSize(KafkaRig.PARTITIONS);
                WorkerMetrics m1 = one.getBean(WorkerMetrics.class);
                WorkerMetrics m2 = two.getBean(WorkerMetrics.class);
                assertThat(m2.applied()).as("the second worker did part of the work").isGreaterThan(0);
                assertThat(m1.applied() + m2.applied()).isEqualTo(events);
                assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
                assertThat(KafkaRig.storedOffsets(jdbc, "pair")).isEqualTo(records);
            }
        }
    }

    @Test
    void aWorkerPausedBeforeItsBatchLosesItsPartitionsAndSkipsWhatItsSuccessorAppliedMeanwhile() throws Exception {
        String db = TestPostgres.freshDatabase("kafka_zombie");
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch paused = new CountDownLatch(1);
        // A pause (a long GC, a frozen VM) between poll and transaction, longer than max.poll.interval.ms: the
        // group gives the partitions to the second worker, which applies the same records first.
        WorkerHook pauseBeforeThirdBatch = new WorkerHook() {
            @Override
            public void received(int records) {
                if (batches.incrementAndGet() == 3) {
                    paused.countDown();
                    sleep(9_000);
                }
            }

            @Override
            public void beforeCommit(BatchApplier.Outcome batch) {
            }
        };
        try (ConfigurableApplicationContext one = KafkaRig.worker(db, topic, "zombie", 10, pauseBeforeThirdBatch,
                "spring.kafka.consumer.properties.max.poll.interval.ms=3000")) {
            assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
            try (ConfigurableApplicationContext two = KafkaRig.worker(db, topic, "zombie", 10, null)) {
                JdbcTemplate jdbc = KafkaRig.jdbc(two);
                KafkaRig.awaitProjected(jdbc, events);
                WorkerMetrics m1 = one.getBean(WorkerMetrics.class);
                WorkerMetrics m2 = two.getBean(WorkerMetrics.class);
                // The first worker, back from its pause, finds its records below the stored offsets: skipped by
                // offset under the rows' lock, neither applied again nor failed on proj_event's key.
                await().atMost(Duration.ofSeconds(30)).until(() -> m1.records() + m2.records() > records);
                assertThat(m1.stale()).as("records the paused batch found already applied").isGreaterThan(0);
                assertThat(m1.duplicates() + m2.duplicates() + m1.failures() + m2.failures()).isZero();
                assertThat(m1.applied() + m2.applied()).isEqualTo(events);
                assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(storeProjections);
                assertThat(KafkaRig.storedOffsets(jdbc, "zombie")).isEqualTo(records);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
