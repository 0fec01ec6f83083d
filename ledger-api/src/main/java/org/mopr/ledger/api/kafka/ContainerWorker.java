package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * A projection worker on spring-kafka's listener container: one consumer of the group (concurrency 1; run more workers to share the partitions),
 * a batch listener that applies each poll in one database transaction with its offsets ({@link BatchApplier}),
 * a rebalance listener that seeks every assigned partition to the offset stored in the database, and a
 * {@link DefaultErrorHandler} that retries a failed batch after waits doubling from 100 ms up to max-backoff, for
 * as long as it takes: giving up would let the container skip the batch, and the next one would move the stored
 * offsets past records never applied. Records missing from the broker stop the worker: no retry can bring them back. The
 * container's own commit to Kafka (asynchronous, after each batch) is informational; the database holds the truth.
 */
public final class ContainerWorker implements KafkaWorker {

    private static final Logger log = LoggerFactory.getLogger(ContainerWorker.class);

    private final WorkerSettings settings;
    private final WorkerMetrics metrics;
    private final StoredPositions positions;
    private final ConsumerLag lag;
    private final BatchApplier applier;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile Throwable fatal;
    private volatile boolean started;

    ContainerWorker(Map<String, Object> consumerConfig, WorkerSettings settings, PartitionOffsets offsets,
                    BatchApplier applier, WorkerMetrics metrics, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = metrics;
        this.positions = new StoredPositions(offsets, settings.group());
        this.lag = new ConsumerLag(metrics);
        this.applier = applier;
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
                lag.refresh(idle.getConsumer());
            } else if (event instanceof ConsumerStoppedEvent) {
                assignment = Set.of();
                metrics.partitions(0);
                finished.countDown();
            }
        });
    }

    private void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        try {
            metrics.committed(applier.apply(records));
        } catch (RuntimeException e) {
            metrics.failed();
            log.warn("projection worker of group {}: batch rolled back, retrying: {}", settings.group(), e.toString());
            throw e;
        } catch (Error e) {
            // The container ends its consumer's thread on an Error; recorded so `project` exits with it.
            fatal = e;
            throw e;
        }
        lag.refresh(consumer);
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
            // Not on the consumer's thread: stop() waits for that thread to end.
            Thread stopper = new Thread(container::stop, "mopr-kafka-worker-stop-" + settings.group());
            stopper.start();
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
            assignment = Set.copyOf(consumer.assignment());
            metrics.partitions(assignment.size());
            positions.seek(consumer, partitions);
            if (!partitions.isEmpty()) {
                log.info("projection worker of group {} now reads {}", settings.group(), partitions);
            }
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            // Nothing to save: each batch committed its offsets with its rows before this poll.
            Set<TopicPartition> kept = new HashSet<>(consumer.assignment());
            kept.removeAll(partitions);
            assignment = Set.copyOf(kept);
            metrics.partitions(kept.size());
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            onPartitionsRevokedAfterCommit(consumer, partitions);
        }
    }
}
