package org.mopr.ledger.api.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.kafka.EventRecords;
import org.mopr.ledger.api.kafka.KafkaRig;
import org.mopr.ledger.api.reconcile.ProjectionCatchUp;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark at 50,000 events, for correctness only (never speed, which depends on the machine): every phase
 * handled every event, Kafka's included (against the Kafka tests' in-JVM broker), the projections hold them all,
 * the member-level dues still add up to the documented section totals, and nothing of the benchmark is left
 * behind in the database or on the broker. A wrong broker address fails the benchmark early and clearly.
 */
class BenchSmokeTest {

    private static final long EVENTS = 50_000;

    @Test
    void fiftyThousandEventsAreStoredCopiedScannedProjectedAndPublishedAndTheDocumentedTotalsStillAddUp() throws Exception {
        String db = TestPostgres.freshDatabase("bench");
        String bootstrap = KafkaRig.bootstrap();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicReference<Map<String, Long>> synthetic = new AtomicReference<>();
        AtomicReference<Map<String, Long>> historical = new AtomicReference<>();
        AtomicReference<long[]> counts = new AtomicReference<>();
        AtomicReference<List<Long>> liveDues = new AtomicReference<>();
        AtomicReference<Map<String, Map<Long, Integer>>> topics = new AtomicReference<>();

        BenchResult result = new Bench(new BenchOptions(EVENTS, db, bootstrap, 2, 5_000), out, List.of()).run(context -> {
            // The topics are still there: what the publisher sent and what the plain producer sent, record by record.
            topics.set(benchTopics(bootstrap));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            counts.set(new long[]{
                    count(jdbc, "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.DuesCollected'"),
                    count(jdbc, "SELECT count(*) FROM proj_event WHERE event_type = 'DuesCollected' AND run_id = '" + Bench.RUN.value() + "'"),
                    count(jdbc, "SELECT count(*) FROM proj_journal WHERE event_type = 'DuesCollected' AND run_id = '" + Bench.RUN.value() + "'")});
            synthetic.set(duesBySection(jdbc, Bench.RUN.value()));
            // The run phase's run is named as 'run' names it: after the scenario and seed, numbered after those before.
            liveDues.set(jdbc.queryForList("SELECT count(*) FROM proj_event WHERE event_type = 'DuesCollected' "
                    + "AND (run_id IN (?, ?, ?) OR run_id LIKE 'synthetic-members-s1922%') GROUP BY run_id", Long.class,
                    Bench.LIVE_OFF_RUN.value(), Bench.LIVE_ON_RUN.value(), Bench.LIVE_PAGED_RUN.value()));
            // The section-level record of the same catalog, in the same store: its dues are the documented totals.
            RunSummary record = context.getBean(RunService.class).run("historical", null, new PrintStream(new ByteArrayOutputStream()));
            context.getBean(ProjectionCatchUp.class).await(record.runId().value(), record.events(), Duration.ofMinutes(2));
            historical.set(duesBySection(jdbc, record.runId().value()));
        });

        assertThat(result.duesEvents()).isEqualTo(EVENTS);
        assertThat(counts.get()[0]).as("the benchmark's run, the three live runs and the run phase's").isEqualTo(5 * EVENTS);
        assertThat(counts.get()[1]).as("dues events projected").isEqualTo(EVENTS);
        assertThat(counts.get()[2]).as("journal lines of dues: a debit and a credit each").isEqualTo(2 * EVENTS);
        assertThat(result.storedEvents()).isGreaterThan(EVENTS);
        assertThat(result.plainIngest().events()).isEqualTo(result.storedEvents());
        assertThat(result.plainCopy().events()).isEqualTo(result.storedEvents());
        assertThat(result.plainScan().events()).isEqualTo(result.storedEvents());
        assertThat(result.projectedEvents()).isEqualTo(result.storedEvents());
        assertThat(synthetic.get()).isNotEmpty().isEqualTo(historical.get());
        // The live and run phases: runs of their own, as many dues events each, every stored event projected (the
        // phases check projected = stored themselves), and the run phase printed its reconciliation.
        assertThat(result.liveOff().phase().events()).as("live run, metrics off").isEqualTo(result.storedEvents());
        assertThat(result.liveOn().phase().events()).as("live run, metrics on").isEqualTo(result.storedEvents());
        assertThat(result.livePaged().phase().events()).as("live run, paged").isEqualTo(result.storedEvents());
        assertThat(result.run().events()).as("'run' of the same scenario").isEqualTo(result.storedEvents());
        assertThat(liveDues.get()).as("dues projected by the live processor and by 'run'")
                .containsExactly(EVENTS, EVENTS, EVENTS, EVENTS);
        assertThat(result.kafka().events()).as("events the workers projected from Kafka").isEqualTo(result.storedEvents());
        assertThat(result.plainKafka().events()).as("records the plain consumer read").isEqualTo(result.storedEvents());
        Map<Long, Integer> ledgerRecords = topics.get().get("ledger");
        assertThat(ledgerRecords).as("one record per stored event, none twice").hasSize((int) result.storedEvents());
        assertThat(topics.get().get("plain")).as("the plain producer sent the publisher's records").isEqualTo(ledgerRecords);

        result.print(out);
        String report = printed.toString(StandardCharsets.UTF_8);
        String[] lines = report.strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("ratios: ingest_vs_insert=\\d+\\.\\d\\d ingest_vs_copy=\\d+\\.\\d\\d "
                + "replay=\\d+\\.\\d\\d kafka=\\d+\\.\\d\\d live=\\d+\\.\\d\\d axon_metrics=\\d+\\.\\d\\d run_vs_bench=\\d+\\.\\d\\d");
        assertThat(report).contains("peak heap:").contains("trial balance zero").contains("kafka   ledger")
                .contains("projected through Kafka (same rows per table as the replay)");
        assertThat(benchSchemasLeft(db)).as("the benchmark drops its schema").isEmpty();
        assertThat(benchTopics(bootstrap)).as("the benchmark deletes its topics").isEmpty();
    }

    @Test
    void aBrokerThatCannotBeReachedFailsTheBenchmarkEarlyNamingTheAddressAndLeavesNothingBehind() throws Exception {
        String db = TestPostgres.freshDatabase("bench_no_kafka");
        String nowhere = "127.0.0.1:1";
        long started = System.nanoTime();
        assertThatThrownBy(() -> new Bench(new BenchOptions(1_000, db, nowhere, 1, 2_000),
                new PrintStream(OutputStream.nullOutputStream()), List.of()).run())
                .hasMessageContaining("Kafka at " + nowhere);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("before any ingest").isLessThan(Duration.ofSeconds(60));
        assertThat(benchSchemasLeft(db)).isEmpty();
    }

    /**
     * The benchmark's topics on the broker by their last name part (ledger, plain, warm-up), each record as a hash
     * of its key, value and headers by its global index.
     */
    private static Map<String, Map<Long, Integer>> benchTopics(String bootstrap) {
        Map<String, Map<Long, Integer>> topics = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (topic.startsWith(KafkaPhase.TOPIC_PREFIX)) {
                    topics.put(topic.substring(topic.lastIndexOf('.') + 1), records(consumer, topic));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return topics;
    }

    private static Map<Long, Integer> records(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<Long, Integer> records = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            assertThat(System.nanoTime()).as("read " + topic + " to its end").isLessThan(deadline);
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                List<Integer> headers = new ArrayList<>();
                r.headers().forEach(h -> headers.add(Objects.hash(h.key(), Arrays.hashCode(h.value()))));
                records.put(EventRecords.globalIndex(r), Objects.hash(r.key(), Arrays.hashCode(r.value()), headers));
            }
        }
        return records;
    }

    /** Dues by section and currency over the whole run, from the income projection. */
    private static Map<String, Long> duesBySection(JdbcTemplate jdbc, String run) {
        Map<String, Long> totals = new TreeMap<>();
        jdbc.query("SELECT section_code, currency, sum(amount_minor) FROM proj_income_month WHERE run_id = ? AND kind = 'DUES' "
                + "GROUP BY 1, 2", rs -> {
            totals.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
        }, run);
        return totals;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The benchmark schemas left in the database: every bench must drop its own. */
    static List<String> benchSchemasLeft(String db) throws Exception {
        try (Connection c = BenchDatabase.connect(db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mopr_bench_%'")) {
            List<String> left = new java.util.ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString(1));
            }
            return left;
        }
    }
}
