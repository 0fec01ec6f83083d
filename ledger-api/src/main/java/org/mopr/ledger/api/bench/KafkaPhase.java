package org.mopr.ledger.api.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaFuture;
import org.mopr.ledger.api.kafka.KafkaClients;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka phase of the benchmark, over the events the ingest stored: the ledger's own path (the
 * publisher ({@code KafkaEventPublisher}) sending every stored event, and {@code project} workers applying them to the
 * projection tables, {@link LedgerKafka}) beside a plain producer and consumer of the same records
 * ({@link PlainKafka}). Each side gets a fresh topic of {@link #PARTITIONS} partitions, and each is warmed on the
 * first events before it is timed; the topics are deleted at the end, also when the phase fails.
 */
final class KafkaPhase implements AutoCloseable {

    static final String TOPIC_PREFIX = "mopr.bench.";
    /** Fixed for both sides, so the same keys spread over the same number of partitions. */
    static final int PARTITIONS = 4;
    /**
     * One worker, as one plain consumer: nearly every event belongs to one aggregate, so to one partition, which
     * only one worker of a group reads; a second would add a consumer, not throughput.
     */
    static final int WORKERS = 1;
    private static final long WARM_UP_MAX_EVENTS = 50_000;
    /** How long the broker may take to answer the benchmark's own requests: a wrong address fails within it. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    /** The two timed sides; {@code events} of each is what it handled, checked against the store before returning. */
    record Result(BenchResult.Phase ledger, BenchResult.Phase plain) {
    }

    private final String bootstrap;
    private final PrintStream out;
    private final String id;
    private final String ledgerTopic;
    private final String plainTopic;
    private final String warmUpTopic;
    private final String group;
    private final List<String> created = new ArrayList<>();
    private Admin admin;

    KafkaPhase(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
        this.id = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        this.ledgerTopic = TOPIC_PREFIX + id + ".ledger";
        this.plainTopic = TOPIC_PREFIX + id + ".plain";
        this.warmUpTopic = TOPIC_PREFIX + id + ".warm-up";
        this.group = "mopr-bench-" + id;
    }

    /**
     * Arguments of the benchmark's application, hence also of its workers and of the plain clients, which are
     * built from the same properties: whatever is set here is set for both sides (arguments given after these
     * override them). Beyond the publisher and its topic, the settings of a bulk load (KAFKA.md), chosen for this
     * data, where nearly every event belongs to one aggregate and so to one partition:
     * <ul>
     *   <li>publisher batches of 1,000 events and worker batches (polls) of 2,000: fewer round trips to the broker
     *   and fewer database transactions per event; a poll of 2,000 records needs up to 4 MB from one partition;</li>
     *   <li>fetch-max-wait of 10 ms instead of 500: a consumer does not fetch a partition again while it still
     *   holds records of it, so with the hot partition's records in hand its next fetch asks only for the three
     *   empty partitions and waits the whole fetch-max-wait for them; at 500 ms both sides read about 2,000
     *   records a second;</li>
     *   <li>producer batches of up to 1 MB and a linger of 5 ms: with the default 16 KB a batch holds about 16 of
     *   these records, and one partition gets one batch per request, at most 5 requests in flight.</li>
     * </ul>
     */
    List<String> springArgs() {
        return List.of("--spring.kafka.bootstrap-servers=" + bootstrap, "--mopr.kafka.enabled=true",
                "--mopr.kafka.topic=" + ledgerTopic, "--mopr.kafka.topic-partitions=" + PARTITIONS,
                "--mopr.kafka.publisher.batch-size=1000",
                "--spring.kafka.consumer.max-poll-records=2000",
                "--spring.kafka.consumer.properties.max.partition.fetch.bytes=" + (4 << 20),
                "--spring.kafka.consumer.fetch-max-wait=10ms",
                "--spring.kafka.producer.batch-size=" + (1 << 20),
                "--spring.kafka.producer.properties.linger.ms=5");
    }

    /**
     * Stops the publisher before the first event is stored, so it does not share the CPU with ingest and replay,
     * and creates the topics, so a wrong address fails now and not after minutes of ingest.
     */
    void prepare(ConfigurableApplicationContext context) {
        LedgerKafka.publisher(context).stop();
        Map<String, Object> config = KafkaClients.admin(context.getBean(KafkaProperties.class), ssl(context));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try {
            admin = Admin.create(config);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
        List<NewTopic> topics = List.of(ledgerTopic, plainTopic, warmUpTopic).stream()
                .map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        try {
            KafkaFuture.allOf(results.values().toArray(KafkaFuture[]::new))
                    .get(ADMIN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw unreachable(e);
        } finally {
            results.forEach((name, result) -> {
                if (result.isDone() && !result.isCompletedExceptionally()) {
                    created.add(name);
                }
            });
        }
    }

    Result measure(ConfigurableApplicationContext context, List<String> contextArgs, HeapWatch heap, long stored) {
        // A fifth of the events, as the ingest's warm-up, at most 50,000: enough for the JIT, short beside the phase.
        long warmUp = Math.min(stored, Math.min(WARM_UP_MAX_EVENTS, Math.max(1_000, stored / 5)));
        out.printf(Locale.ROOT, "kafka: %s, topics %s* of %d partitions; warm-up: %,d events through plain Kafka and "
                + "through the publisher and a worker, not timed; then the publisher and %d projection worker(s); "
                + "then plain Kafka%n", bootstrap, TOPIC_PREFIX + id + ".", PARTITIONS, warmUp, WORKERS);
        try (PlainKafka plain = plain(context, warmUpTopic)) {
            Bench.timed(heap, () -> plain.run(warmUp));
        }
        org.mopr.ledger.api.projection.LiveProjection projections = Bench.processor(context);
        // The store-fed processor is at the head after the replay; stopped, it cannot write beside the workers.
        projections.stop();
        BenchResult.Phase ledger;
        try {
            Map<String, Long> replayed = LedgerKafka.rowCounts(context.getBean(JdbcTemplate.class));
            LedgerKafka path = new LedgerKafka(context, contextArgs, group, PARTITIONS);
            path.warmUp(warmUp, () -> records(ledgerTopic));
            ledger = path.measure(heap, stored, WORKERS, replayed);
        } finally {
            projections.start();
        }
        BenchResult.Phase plainPhase;
        try (PlainKafka plain = plain(context, plainTopic)) {
            plainPhase = Bench.timed(heap, () -> plain.run(stored));
        }
        Bench.require(plainPhase.events() == stored, "plain Kafka read " + plainPhase.events() + " records of " + stored);
        return new Result(ledger, plainPhase);
    }

    /** How many records {@code topic} holds: the sum of its partitions' end offsets. */
    private long records(String topic) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS).values()
                    .stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e, e);
        }
    }

    private PlainKafka plain(ConfigurableApplicationContext context, String topic) {
        KafkaProperties properties = context.getBean(KafkaProperties.class);
        return new PlainKafka(context.getBean(DataSource.class), KafkaClients.producer(properties, ssl(context)),
                KafkaClients.consumer(properties, ssl(context), group + ".plain"), topic);
    }

    private static SslBundles ssl(ConfigurableApplicationContext context) {
        return context.getBeanProvider(SslBundles.class).getIfAvailable();
    }

    private IllegalStateException unreachable(Exception e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("cannot create the benchmark's topics on Kafka at " + bootstrap + " (--kafka; "
                + "waited at most " + ADMIN_TIMEOUT.toSeconds() + " s): " + cause, e);
    }

    /** Deletes the topics this phase created; the benchmark fails if it cannot, naming them. */
    @Override
    public void close() {
        if (admin == null) {
            return;
        }
        try {
            if (!created.isEmpty()) {
                admin.deleteTopics(created).all().get(ADMIN_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not delete the benchmark's topics " + created + " on " + bootstrap
                    + ": delete them by hand (" + e + ")", e);
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
