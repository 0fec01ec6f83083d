package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mopr.ledger.projection.partition.PartitionFeed;
import org.mopr.ledger.projection.partition.PartitionOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A projection worker on spring-kafka's listener container: one consumer of the group (concurrency 1; run more
 * workers to share the partitions), a batch listener that decodes and folds each poll and hands it to a writing
 * thread ({@link WriteAhead}) that applies it in one database transaction with its offsets ({@link BatchApplier}),
 * while the listener already takes the next poll; a rebalance listener that lets that write finish, then seeks every
 * assigned partition to the offset stored in the database. A write that rolled back sends the consumer back to the
 * stored offsets, so the batch is read and applied again after waits doubling from 100 ms up to max-backoff, for as
 * long as it takes: skipping it would let the next batch move the stored offsets past records never applied. A poll
 * that cannot be decoded is retried the same way by a {@link DefaultErrorHandler}. Records missing from the broker
 * stop the worker: no retry can bring them back. The container's own commit to Kafka (asynchronous, after each
 * batch is handed over, so up to one batch ahead of the database) is informational; the database holds the truth.
 */
public final class ContainerWorker implements KafkaWorker {

    private static final Logger log = LoggerFactory.getLogger(ContainerWorker.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final WorkerSettings settings;
    private final WorkerMetrics metrics;
    private final StoredPositions positions;
    private final ConsumerLag lag;
    private final BatchApplier applier;
    private final WriteAhead writes;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile Throwable fatal;
    private volatile boolean started;
    /** Set when a write rolled back until the consumer is back at the stored offsets; consumer's thread only. */
    private boolean reseek;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;

    ContainerWorker(Map<String, Object> consumerConfig, WorkerSettings settings, PartitionOffsets offsets,
                    BatchApplier applier, WorkerMetrics metrics, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = metrics;
        this.positions = new StoredPositions(offsets, settings.group());
        this.lag = new ConsumerLag(metrics);
        this.applier = applier;
        this.writes = new WriteAhead(applier, metrics, settings.group());
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumerConfig,
                new StringDeserializer(), new ByteArrayDeserializer());
        consumers.addListener(new MicrometerConsumerListener<>(registry));
        ContainerProperties properties = new ContainerProperties(settings.topic());
        properties.setMessageListener((BatchConsumerAwareMessageListener<String, byte[]>) this::onBatch);
        properties.setConsumerRebalanceListener(new Rebalance());
        properties.setPollTimeout(settings.pollTimeout().toMillis());
        // The lag of partitions with nothing to apply is refreshed on the container's idle events.
        properties.setIdleEventInterval(settings.pollTimeout().toMillis());
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setSyncCommits(false);
        properties.setCommitCallback((committed, e) -> {
            if (e != null) {
                log.debug("informational commit to Kafka failed (the database's offsets are unaffected): {}", e.toString());
            }
        });
        // A batch in progress finishes (or rolls back) first; then the consumer leaves the group.
        properties.setShutdownTimeout(TimeUnit.SECONDS.toMillis(60));
        container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(1);
        container.setBeanName("mopr-kafka-worker-" + settings.group());
        container.setCommonErrorHandler(new Errors(settings.maxBackoff().toMillis()));
        container.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle && idle.getConsumer() != null) {
                // Idle events come on the consumer's thread: the last write's outcome is taken here when no poll follows it.
                settle(idle.getConsumer(), true);
                lag.refresh(idle.getConsumer(), writes.inFlightRecords());
            } else if (event instanceof ConsumerStoppedEvent) {
                settle(null, false);
                assignment = Set.of();
                metrics.partitions(0);
                finished.countDown();
            }
        });
    }

    /**
     * Decodes and folds this poll while the one before is still being written, then waits for that write and hands
     * this poll to the writing thread. If the write before rolled back, this poll is dropped with it: the consumer is
     * moved back to the stored offsets, so both are read again (after a pause that doubles up to max-backoff).
     */
    private void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        PartitionFeed.Prepared prepared;
        try {
            prepared = applier.prepare(records);
        } catch (RuntimeException e) {
            // Not decodable: the container retries this poll (the one before is settled, so nothing is lost).
            if (!settle(consumer, true)) {
                return;
            }
            metrics.failed();
            log.warn("projection worker of group {}: batch not decodable, retrying: {}", settings.group(), e.toString());
            throw e;
        }
        if (!settle(consumer, true)) {
            return;
        }
        writes.submit(prepared);
        lag.refresh(consumer, writes.inFlightRecords());
    }

    /**
     * Takes the outcome of the write in flight, on the consumer's thread. Returns false when the consumer had to be
     * moved back to the stored offsets (the write rolled back, now or before): whatever records the caller holds are
     * read again and must be dropped. With {@code consumer} null (stopped) it only waits.
     */
    private boolean settle(Consumer<?, ?> consumer, boolean pause) {
        WriteAhead.Settled settled;
        try {
            settled = writes.settle();
        } catch (Error e) {
            // The container ends its consumer's thread on an Error from the listener; recorded so `project` exits with it.
            fatal = e;
            if (consumer != null && pause) {
                throw e;
            }
            stopLater();
            return false;
        }
        if (settled.failed()) {
            metrics.failed();
            log.warn("projection worker of group {}: batch rolled back, retrying: {}", settings.group(),
                    settled.failure().toString());
            reseek = true;
        } else if (!reseek) {
            backoffMillis = FIRST_BACKOFF_MILLIS;
            return true;
        }
        if (consumer == null) {
            return false;
        }
        if (pause) {
            sleep(backoffMillis);
            backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
        }
        try {
            positions.seek(consumer, consumer.assignment());
            reseek = false;
        } catch (StoredPositions.MissingRecordsException e) {
            fatal = e;
            log.error("projection worker of group {} stopped: {}", settings.group(), e.toString(), e);
            stopLater();
        }
        return false;
    }

    private void stopLater() {
        // Not on the consumer's thread: stop() waits for that thread to end.
        new Thread(container::stop, "mopr-kafka-worker-stop-" + settings.group()).start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (!started) {
            started = true;
            container.start();
        }
    }

    @Override
    public void stop() {
        container.stop();
        writes.close();
        finished.countDown();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning() && finished.getCount() > 0;
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

    private static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoredPositions.MissingRecordsException || t instanceof OffsetOutOfRangeException) {
                return true;
            }
        }
        return false;
    }

    /** Batches are retried without end (see the class comment); what no retry can mend stops the worker. */
    private final class Errors extends DefaultErrorHandler {

        Errors(long maxBackoffMillis) {
            super(backOff(maxBackoffMillis));
        }

        @Override
        public void handleOtherException(Exception thrown, Consumer<?, ?> consumer, MessageListenerContainer c,
                                         boolean batchListener) {
            if (!isFatal(thrown)) {
                super.handleOtherException(thrown, consumer, c, batchListener);
                return;
            }
            fatal = thrown;
            log.error("projection worker of group {} stopped: {}", settings.group(), thrown.toString(), thrown);
            stopLater();
        }
    }

    private static ExponentialBackOff backOff(long maxMillis) {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2);
        backOff.setMaxInterval(maxMillis);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** Positions newly assigned partitions; runs on the consumer's thread inside poll(). */
    private final class Rebalance implements ConsumerAwareRebalanceListener {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // The stored offsets are read only once the write in flight has committed or rolled back.
            settle(consumer, false);
            assignment = Set.copyOf(consumer.assignment());
            metrics.partitions(assignment.size());
            positions.seek(consumer, partitions);
            if (!partitions.isEmpty()) {
                log.info("projection worker of group {} now reads {}", settings.group(), partitions);
            }
        }

        @Override
        public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // The write in flight commits (or rolls back) before the partitions go to another worker.
            settle(consumer, false);
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // Nothing to save: each batch committed its offsets with its rows.
            Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
            kept.removeAll(partitions);
            assignment = Set.copyOf(kept);
            metrics.partitions(kept.size());
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            settle(consumer, false);
            onPartitionsRevokedAfterCommit(consumer, partitions);
        }
    }
}
