package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.mopr.ledger.projection.partition.PartitionOffsets;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A projection worker: one consumer of the group, on a thread of its own, that polls, applies each poll in one
 * database transaction with its offsets ({@link BatchApplier}) and polls again. Nothing is queued between
 * polling and writing, so memory is bounded by max.poll.records. On every partition assignment it seeks to the
 * offsets stored in the database, so a restarted or rebalanced worker continues exactly after the last batch
 * that committed. A failed batch is rolled back, the partitions are sought back to the stored offsets and the
 * batch is retried after a growing pause; only records missing from the broker stop the worker, since no
 * retry can bring them back.
 */
public final class ProjectionWorker implements SmartLifecycle, KafkaWorker {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWorker.class);

    /** Records the group needs are gone from the broker (retention, a recreated topic): fatal. */
    static final class MissingRecordsException extends IllegalStateException {
        MissingRecordsException(String message) {
            super(message);
        }
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final WorkerSettings settings;
    private final StoredPositions positions;
    private final ConsumerLag lag;
    private final BatchApplier applier;
    private final WorkerMetrics metrics;
    private final MeterRegistry registry;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile Throwable fatal;
    private Thread thread;

    ProjectionWorker(Supplier<Consumer<String, byte[]>> consumers, WorkerSettings settings, PartitionOffsets offsets,
                     BatchApplier applier, WorkerMetrics metrics, MeterRegistry registry) {
        this.consumers = consumers;
        this.settings = settings;
        this.positions = new StoredPositions(offsets, settings.group());
        this.lag = new ConsumerLag(metrics);
        this.applier = applier;
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "mopr-kafka-worker-" + settings.group());
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopRequested.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            // A batch in progress finishes (or rolls back) first; then the consumer leaves the group.
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running && finished.getCount() > 0;
    }

    @Override
    public Throwable awaitTermination() throws InterruptedException {
        finished.await();
        return fatal;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public WorkerMetrics metrics() {
        return metrics;
    }

    private void run() {
        try (Consumer<String, byte[]> c = consumers.get(); KafkaClientMetrics clientMetrics = new KafkaClientMetrics(c)) {
            clientMetrics.bindTo(registry);
            consumer = c;
            c.subscribe(List.of(settings.topic()), new Rebalance(c));
            loop(c);
        } catch (RuntimeException | Error e) {
            // Recorded before the thread ends, so `project` exits with an error instead of as after a clean stop.
            fatal = e;
            log.error("projection worker of group {} stopped: {}", settings.group(), e.toString(), e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            consumer = null;
            running = false;
            assignment = Set.of();
            metrics.partitions(0);
            finished.countDown();
        }
    }

    private void loop(Consumer<String, byte[]> c) {
        boolean reposition = false;
        int failures = 0;
        while (running) {
            try {
                if (reposition) {
                    positions.seek(c, c.assignment());
                    reposition = false;
                }
                ConsumerRecords<String, byte[]> records = c.poll(settings.pollTimeout());
                if (!records.isEmpty()) {
                    BatchApplier.Outcome outcome = applier.apply(records);
                    metrics.committed(outcome);
                    commitToKafka(c, outcome);
                }
                lag.refresh(c);
                failures = 0;
            } catch (WakeupException e) {
                // stop() woke the consumer up; the loop's condition ends it.
            } catch (RuntimeException e) {
                if (e instanceof OffsetOutOfRangeException outOfRange) {
                    throw new MissingRecordsException("group " + settings.group() + " stored offsets "
                            + outOfRange.offsetOutOfRangePartitions() + " that the topic does not have: it was deleted "
                            + "and created again, or lost records; rebuild with a new group on an empty database");
                }
                if (isFatal(e)) {
                    throw e;
                }
                failures++;
                metrics.failed();
                reposition = true;
                log.warn("projection worker of group {}: batch rolled back (failure {} in a row), retrying from the "
                        + "stored offsets: {}", settings.group(), failures, e.toString(), failures == 1 ? e : null);
                backOff(failures);
            }
        }
    }

    private static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingRecordsException || t instanceof OffsetOutOfRangeException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database holds the truth; Kafka's committed offsets are written afterwards, asynchronously and at best,
     * so kafka-consumer-groups.sh and lag exporters show the group's progress too.
     */
    private void commitToKafka(Consumer<String, byte[]> c, BatchApplier.Outcome outcome) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        outcome.nextOffsets().forEach((partition, next) -> commit.put(partition, new OffsetAndMetadata(next)));
        c.commitAsync(commit, (done, e) -> {
            if (e != null) {
                log.debug("informational commit to Kafka failed (the database's offsets are unaffected): {}", e.toString());
            }
        });
    }

    private void backOff(int failures) {
        long millis = Math.min(settings.maxBackoff().toMillis(), 100L << Math.min(failures - 1, 20));
        try {
            stopRequested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Positions newly assigned partitions; runs on the worker's thread inside poll(). */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> c;

        Rebalance(Consumer<String, byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(c.assignment());
            metrics.partitions(assignment.size());
            positions.seek(c, partitions);
            if (!partitions.isEmpty()) {
                log.info("projection worker of group {} now reads {}", settings.group(), partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to save: each batch committed its offsets with its rows before this poll.
            Set<TopicPartition> kept = new HashSet<>(c.assignment());
            kept.removeAll(partitions);
            assignment = Set.copyOf(kept);
            metrics.partitions(kept.size());
            if (!partitions.isEmpty()) {
                log.info("projection worker of group {} gave up {}", settings.group(), partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
