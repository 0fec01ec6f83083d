package org.mopr.ledger.api.bench;

import org.mopr.ledger.api.kafka.KafkaEventPublisher;
import org.mopr.ledger.api.kafka.KafkaWorkerApplication;
import org.mopr.ledger.api.kafka.KafkaWorker;
import org.mopr.ledger.projection.engine.ProjectionTables;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The ledger's side of the Kafka phase: the application's publisher ({@link KafkaEventPublisher}) sends the stored
 * events to the topic, and {@code project} workers ({@link KafkaWorkerApplication}, the same code and settings)
 * apply them to the projection tables of the benchmark's schema, emptied as a replay of every run empties them.
 * The replay's row counts are kept, and the workers must end with the same rows per table and a zero trial balance.
 */
final class LedgerKafka {

    /** How long the ledger's path may make no progress before the phase is declared stuck rather than slow. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final ConfigurableApplicationContext context;
    private final Map<String, Object> workerProperties;
    private final String group;
    private final int partitions;
    private final JdbcTemplate jdbc;
    private final KafkaEventPublisher publisher;

    /** @param contextArgs the application's arguments: the workers get the same database, schema and settings */
    LedgerKafka(ConfigurableApplicationContext context, List<String> contextArgs, String group, int partitions) {
        this.context = context;
        this.workerProperties = new HashMap<>();
        for (String arg : contextArgs) {
            workerProperties.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        this.group = group;
        this.partitions = partitions;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.publisher = publisher(context);
    }

    static KafkaEventPublisher publisher(ConfigurableApplicationContext context) {
        return context.getBean(KafkaEventPublisher.class);
    }

    /**
     * The whole path once on the first {@code events} events, not timed, as the ingest is warmed: otherwise the
     * ledger's figure would include compiling its publisher and worker code, which the plain clients' warm-up
     * does not need. Then it is undone: the projections emptied again, the publisher's token deleted (it sends
     * every event again from the first), and the measured group given offsets after the warm-up's records, as a
     * group started on a topic in use begins at its end.
     */
    void warmUp(long events, LongSupplier recordsOnTopic) {
        long upTo = jdbc.queryForObject("SELECT globalindex FROM domainevententry ORDER BY globalindex OFFSET ? LIMIT 1",
                Long.class, events - 1);
        ProjectionTables.truncateAll(jdbc);
        publisher.start();
        try {
            await("the publisher's warm-up", this::position, upTo, List.of());
        } finally {
            publisher.stop();
        }
        // Counted on the broker: the position counts only what is stored, not every record sent.
        long sent = recordsOnTopic.getAsLong();
        String warmUpGroup = group + ".warm-up";
        List<ConfigurableApplicationContext> workers = startWorkers(warmUpGroup, 1);
        try {
            List<KafkaWorker> running = workers(workers);
            await("the workers' warm-up", () -> (long) running.get(0).metrics().records(), sent, running);
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
        ProjectionTables.truncateAll(jdbc);
        jdbc.update("INSERT INTO kafka_consumer_offset (group_id, topic, partition_no, next_offset) "
                + "SELECT ?, topic, partition_no, next_offset FROM kafka_consumer_offset WHERE group_id = ?", group, warmUpGroup);
        jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", KafkaEventPublisher.NAME);
    }

    /** Times the publisher and {@code workers} workers from the publisher's start until every event is projected. */
    BenchResult.Phase measure(HeapWatch heap, long stored, int workerCount, Map<String, Long> replayed) {
        List<ConfigurableApplicationContext> workers = startWorkers(group, workerCount);
        try {
            List<KafkaWorker> running = workers(workers);
            await("the workers' partitions", () -> running.stream().mapToInt(w -> w.assignment().size()).sum(),
                    partitions, running);
            BenchResult.Phase phase = Bench.timed(heap, () -> {
                publisher.start();
                // Counters in memory: polling them costs nothing, where counting proj_event would load PostgreSQL.
                return await("the projection workers", () -> (long) running.stream()
                        .mapToDouble(w -> w.metrics().applied()).sum(), stored, running);
            });
            publisher.stop();
            workers.forEach(ConfigurableApplicationContext::close);
            double records = running.stream().mapToDouble(w -> w.metrics().records()).sum();
            Bench.require(phase.events() == stored && records == stored, "the workers applied " + phase.events()
                    + " events from " + (long) records + " records, of " + stored + " stored");
            long projected = jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class);
            Map<String, Long> rows = rowCounts(jdbc);
            Bench.require(projected == stored && rows.equals(replayed), "the workers' projections hold " + projected
                    + " events of " + stored + "; rows per table " + rows + ", the replay's " + replayed);
            context.getBean(TrialBalance.class).verify(null);
            return phase;
        } finally {
            publisher.stop();
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }

    static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        for (String table : ProjectionTables.ALL) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private List<ConfigurableApplicationContext> startWorkers(String workerGroup, int count) {
        Map<String, Object> properties = new HashMap<>(workerProperties);
        properties.put("mopr.kafka.worker.group", workerGroup);
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                workers.add(KafkaWorkerApplication.start(false, properties));
            }
        } catch (RuntimeException e) {
            workers.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        return workers;
    }

    private static List<KafkaWorker> workers(List<ConfigurableApplicationContext> contexts) {
        return contexts.stream().map(w -> w.getBean(KafkaWorker.class)).toList();
    }

    private long position() {
        return publisher.position().orElse(-1);
    }

    /**
     * Waits until {@code progress} reaches {@code target} and returns it; fails if a worker or the publisher stops
     * with an error, or if {@code progress} stays the same for {@link #STALL}.
     */
    private long await(String what, LongSupplier progress, long target, List<KafkaWorker> workers) {
        long last = -1;
        long lastChange = System.nanoTime();
        try {
            while (true) {
                long now = progress.getAsLong();
                if (now >= target) {
                    return now;
                }
                for (KafkaWorker worker : workers) {
                    if (!worker.isRunning()) {
                        throw new IllegalStateException(what + ": a projection worker stopped: " + worker.awaitTermination());
                    }
                }
                Exception failure = publisher.failure();
                if (failure != null) {
                    throw new IllegalStateException(what + ": the Kafka publisher failed: " + failure, failure);
                }
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                    throw new IllegalStateException(what + " reached " + now + " of " + target + " and nothing more for "
                            + STALL.toSeconds() + " s");
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
