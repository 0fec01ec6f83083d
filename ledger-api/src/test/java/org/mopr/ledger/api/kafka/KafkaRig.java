package org.mopr.ledger.api.kafka;

import ch.qos.logback.classic.Level;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.testsupport.TestPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The Kafka tests' rig: one in-JVM KRaft broker for every test class (it starts in about a second), the
 * application with its publisher on, workers in contexts of their own, and waits. Public for the benchmark's
 * smoke test, which runs its Kafka phase against the same broker.
 */
public final class KafkaRig {

    static final int PARTITIONS = 4;

    private static EmbeddedKafkaKraftBroker broker;

    private KafkaRig() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            // The broker's own logging (kafka.*, state changes) at INFO would bury the test's output.
            for (String logger : List.of("kafka", "state.change.logger", "org.apache.kafka")) {
                ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(Level.WARN);
            }
            broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    /** A topic name no other test uses; the publisher creates it with {@link #PARTITIONS} partitions. */
    static String freshTopic(String purpose) {
        return "mopr." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The application on {@code db}, publishing to {@code topic} (or not, when topic is null). */
    static ConfigurableApplicationContext store(String db, String topic, PublisherHook hook, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db,
                "--spring.kafka.bootstrap-servers=" + bootstrap()));
        if (topic != null) {
            args.addAll(List.of("--mopr.kafka.enabled=true", "--mopr.kafka.topic=" + topic,
                    "--mopr.kafka.topic-partitions=" + PARTITIONS, "--mopr.kafka.publisher.batch-size=25"));
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> {
                    if (hook != null) {
                        context.getBeanFactory().registerSingleton("testPublisherHook", hook);
                    }
                })
                .run(args.toArray(String[]::new));
    }

    /**
     * A worker of {@code group} writing {@code db}, polling at most {@code maxPollRecords} at a time; {@code extra}
     * are more properties as key=value.
     */
    static ConfigurableApplicationContext worker(String db, String topic, String group, int maxPollRecords, WorkerHook hook,
                                                 String... extra) {
        Map<String, Object> properties = new HashMap<>();
        for (String property : extra) {
            properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        properties.put("spring.datasource.url", db);
        properties.put("spring.kafka.bootstrap-servers", bootstrap());
        properties.put("spring.kafka.consumer.max-poll-records", maxPollRecords);
        properties.put("mopr.kafka.topic", topic);
        properties.put("mopr.kafka.worker.group", group);
        properties.put("mopr.kafka.worker.poll-timeout", "PT0.2S");
        properties.put("mopr.kafka.worker.max-backoff", "PT0.5S");
        return KafkaWorkerApplication.start(false, properties, context -> {
            if (hook != null) {
                context.getBeanFactory().registerSingleton("testWorkerHook", hook);
            }
        });
    }

    /** A topic the historical run and the Italy what-if were published to, with the store's own projections of them. */
    record Published(String topic, Map<String, List<String>> storeProjections, long events) {
    }

    /** Runs the two scenarios on a fresh store that publishes them to a fresh topic, and waits until both are out. */
    static Published publishTwoRuns(String purpose, String database) {
        String topic = freshTopic(purpose);
        try (ConfigurableApplicationContext store = store(TestPostgres.freshDatabase(database), topic, null)) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            store.getBean(RunService.class).run("historical", null, quiet);
            store.getBean(RunService.class).run("ban-italy-1923", null, quiet);
            awaitProjectedAndPublished(store);
            JdbcTemplate jdbc = jdbc(store);
            return new Published(topic, ProjectionSnapshot.of(jdbc), stored(jdbc));
        }
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    static long stored(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    static long projected(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class);
    }

    static void awaitProjected(JdbcTemplate jdbc, long events) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> projected(jdbc) == events);
    }

    /** Waits until the store's own processor has projected every stored event and the publisher published them. */
    static void awaitProjectedAndPublished(ConfigurableApplicationContext store) {
        JdbcTemplate jdbc = jdbc(store);
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        awaitProjected(jdbc, stored(jdbc));
        KafkaEventPublisher publisher = store.getBean(KafkaEventPublisher.class);
        try {
            // Generous: on a loaded two-core machine a page the broker is slow to acknowledge fails and the
            // publisher backs off 0.5, 1, 2... seconds before it publishes again.
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(50))
                    .until(() -> publisher.position().orElse(-1) >= head);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the publisher did not reach the store's head #" + head + ": running="
                    + publisher.isRunning() + ", at " + publisher.position() + ", failure " + publisher.failure(), e);
        }
    }

    /** Every record of the topic, partition by partition, in offset order. */
    static Map<Integer, List<ConsumerRecord<String, byte[]>>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<Integer, List<ConsumerRecord<String, byte[]>>> all = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(p -> all.put(p.partition(), new ArrayList<>()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> all.get(r.partition()).add(r));
            }
        }
        return all;
    }

    /** The sum of the group's stored next offsets: how many records it has passed. */
    static long storedOffsets(JdbcTemplate jdbc, String group) {
        Long sum = jdbc.queryForObject("SELECT sum(next_offset) FROM kafka_consumer_offset WHERE group_id = ?", Long.class, group);
        return sum == null ? 0 : sum;
    }
}
