package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * KAFKA.md's runbook on a real three-node KRaft cluster in this JVM: the topic created by hand (12 partitions,
 * replication factor 3, min.insync.replicas=2), two workers of one group on their own database, then a serve
 * node with the publisher on runs the member-level scenario (its size knob set) while the brokers are knocked
 * over: the broker leading the busiest partition is stopped a fifth of the way in and started again at two
 * fifths, then that partition's new leader is stopped at three fifths, broker and controller, and stays down. Once the publisher has caught up,
 * the workers' tables are compared with a fresh replay of the store. Prints what an operator would watch.
 */
final class ThreeBrokerRun {

    static final int PARTITIONS = 12;
    static final String GROUP = "read";

    /** What the run did, for the assertions. */
    record Outcome(long events, long records, long applied, long duplicates, long stale, long failures,
                   long resent, Map<String, List<String>> workerTables, Map<String, List<String>> replayTables) {
    }

    private final PrintStream out;
    private final long started = System.nanoTime();

    ThreeBrokerRun(PrintStream out) {
        this.out = out;
    }

    Outcome run(int memberEvents) throws Exception {
        try (ThreeBrokerCluster cluster = ThreeBrokerCluster.start()) {
            say("three KRaft nodes (broker+controller each, 3 voters), client ports " + cluster.ports());
            String topic = "mopr.events." + UUID.randomUUID().toString().substring(0, 8);
            cluster.createTopic(topic, PARTITIONS);
            say("topic " + topic + ": " + PARTITIONS + " partitions, replication factor 3, min.insync.replicas=2");
            String workerDb = TestPostgres.freshDatabase("kafka3_read");
            String storeDb = TestPostgres.freshDatabase("kafka3_store");
            // The forced resend: the batch whose acknowledgement reaches three fifths of the run fails before its
            // token commits. Decided in the publisher's own thread, so no timing of this one can miss it.
            PublisherProgress publisher = new PublisherProgress(3L * memberEvents / 5);
            try (ConfigurableApplicationContext one = worker(cluster, workerDb, topic);
                 ConfigurableApplicationContext two = worker(cluster, workerDb, topic);
                 ConfigurableApplicationContext store = store(cluster, storeDb, topic, publisher)) {
                ThreeBrokerCluster.quiet();
                say("two workers of group " + GROUP + " and a serve node with the publisher on are up");
                Path scenario = scenario(memberEvents);
                say(String.format("running scenario synthetic-members with members.events=%,d", memberEvents));
                CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> store.getBean(RunService.class)
                        .run(scenario.toString(), null, new PrintStream(OutputStream.nullOutputStream())));
                Duration bound = Duration.ofSeconds(120 + memberEvents / 250);
                JdbcTemplate storeJdbc = KafkaRig.jdbc(store);
                knockOverBrokers(cluster, topic, storeJdbc, publisher, memberEvents, bound);
                RunSummary summary = run.get(bound.toSeconds(), TimeUnit.SECONDS);
                say(String.format("run %s stored %,d events in %.1f s", summary.runId(), summary.events(),
                        summary.elapsed().toMillis() / 1000.0));
                long events = KafkaRig.stored(storeJdbc);
                long head = storeJdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
                await().atMost(bound).pollInterval(Duration.ofMillis(200)).until(() -> publisher.position(store) >= head);
                long records = endOffsets(cluster, topic);
                say(String.format("publisher caught up: %,d events acknowledged, %,d records on the topic, "
                        + "%,d of them sent again", publisher.acknowledged.get(), records, records - events));
                JdbcTemplate workerJdbc = KafkaRig.jdbc(one);
                WorkerMetrics m1 = one.getBean(WorkerMetrics.class);
                WorkerMetrics m2 = two.getBean(WorkerMetrics.class);
                // The offsets commit with the rows; the counters move just after the commit.
                await().atMost(bound).pollInterval(Duration.ofMillis(200))
                        .until(() -> KafkaRig.storedOffsets(workerJdbc, GROUP) == records
                                && m1.records() + m2.records() >= records);
                long applied = (long) (m1.applied() + m2.applied());
                long duplicates = (long) (m1.duplicates() + m2.duplicates());
                long stale = (long) (m1.stale() + m2.stale());
                long failures = (long) (m1.failures() + m2.failures());
                say(String.format("workers done: applied %,d (%,d + %,d), duplicates skipped %,d, stale skipped %,d, "
                        + "batches retried %,d", applied, (long) m1.applied(), (long) m2.applied(), duplicates, stale,
                        failures));
                Map<String, List<String>> workerTables = ProjectionSnapshot.of(workerJdbc);
                store.getBean(ReplayService.class).replay(null, line -> say("  " + line));
                Map<String, List<String>> replayTables = ProjectionSnapshot.of(storeJdbc);
                say(String.format("worker tables vs replay: %s (%,d rows in %d tables)",
                        workerTables.equals(replayTables) ? "EQUAL" : "DIFFERENT",
                        ProjectionSnapshot.rows(replayTables), replayTables.size()));
                return new Outcome(events, records, applied, duplicates, stale, failures, publisher.resent.get(),
                        workerTables, replayTables);
            }
        }
    }

    /** The faults, each at a share of the run's events as the publisher acknowledges them. */
    private void knockOverBrokers(ThreeBrokerCluster cluster, String topic, JdbcTemplate store,
                                  PublisherProgress publisher, int memberEvents, Duration bound) throws Exception {
        publisher.await(memberEvents / 5, bound);
        int busiest = busiestPartition(store);
        int first = cluster.leaders(topic).get(busiest);
        say(String.format("at %,d acknowledged: stopping broker %d, leader of partition %d (the busiest)",
                publisher.acknowledged.get(), first, busiest));
        cluster.stopBroker(first, topic);
        say("broker " + first + " stopped; leaders now " + cluster.leaders(topic));

        publisher.await(2 * memberEvents / 5, bound);
        say(String.format("at %,d acknowledged: starting broker %d again", publisher.acknowledged.get(), first));
        cluster.restartBroker(first, topic);
        say("broker " + first + " back in every partition's in-sync replicas; leaders now " + cluster.leaders(topic));

        publisher.await(3 * memberEvents / 5, bound);
        // By now the batch that reached three fifths has failed before its token committed (as if the store's
        // connection broke at that moment), so the publisher sends it again and the workers must skip the copies.
        int second = cluster.leaders(topic).get(busiest);
        say(String.format("at %,d acknowledged: stopping node %d (broker and controller), now leader of partition %d; "
                + "the active controller is node %d; it stays down", publisher.acknowledged.get(), second, busiest,
                cluster.activeController()));
        cluster.stopNode(second, topic);
        say("node " + second + " stopped; leaders now " + cluster.leaders(topic) + "; active controller node "
                + cluster.activeController());
    }

    /** The partition of the aggregate with the most events so far: the one a fault hurts most. */
    private static int busiestPartition(JdbcTemplate store) {
        String key = store.queryForObject("SELECT aggregateidentifier FROM domainevententry "
                + "GROUP BY aggregateidentifier ORDER BY count(*) DESC LIMIT 1", String.class);
        // The producer's partitioner for a keyed record.
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static final class PublisherProgress implements PublisherHook {
        final AtomicLong acknowledged = new AtomicLong();
        final long failAt;
        final AtomicBoolean failed = new AtomicBoolean();
        final AtomicLong resent = new AtomicLong();

        PublisherProgress(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public void acknowledged(List<Long> globalIndexes) {
            if (acknowledged.addAndGet(globalIndexes.size()) >= failAt && failed.compareAndSet(false, true)) {
                resent.addAndGet(globalIndexes.size());
                throw new IllegalStateException("test: the token's transaction failed after the acknowledgement");
            }
        }

        void await(long events, Duration bound) {
            org.awaitility.Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.get() >= events);
        }

        long position(ConfigurableApplicationContext store) {
            // The gauge an operator watches: everything up to it is acknowledged by Kafka.
            return (long) store.getBean(MeterRegistry.class).get("mopr.kafka.publisher.position").gauge().value();
        }
    }

    private static long endOffsets(ThreeBrokerCluster cluster, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", cluster.bootstrap()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The shipped member-level scenario with its size knob (members.events) set, in a file of its own. */
    private static Path scenario(int memberEvents) throws Exception {
        String shipped = ScenarioReader.source("synthetic-members").text();
        String text = shipped.replaceFirst("(?m)^(\\s+events:\\s*)\\d+", "$1" + memberEvents);
        Path file = Files.createTempFile("three-broker-", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, text);
        return file;
    }

    /** A serve node as the runbook starts it: publisher on, replication 3 and min.insync.replicas 2. */
    private static ConfigurableApplicationContext store(ThreeBrokerCluster cluster, String db, String topic,
                                                        PublisherHook hook) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("threeBrokerHook", hook))
                .run("--spring.datasource.url=" + db, "--spring.kafka.bootstrap-servers=" + cluster.bootstrap(),
                        "--mopr.kafka.enabled=true", "--mopr.kafka.topic=" + topic,
                        "--mopr.kafka.topic-partitions=" + PARTITIONS, "--mopr.kafka.topic-replication-factor=3",
                        "--mopr.kafka.topic-min-insync-replicas=2");
    }

    /** A worker as {@code project --kafka … --group read --db …} starts it, with the worker's defaults. */
    private static ConfigurableApplicationContext worker(ThreeBrokerCluster cluster, String db, String topic) {
        return KafkaWorkerApplication.start(false, Map.of(
                "spring.datasource.url", db,
                "spring.kafka.bootstrap-servers", cluster.bootstrap(),
                "mopr.kafka.topic", topic,
                "mopr.kafka.worker.group", GROUP));
    }

    private void say(String line) {
        out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
    }
}
