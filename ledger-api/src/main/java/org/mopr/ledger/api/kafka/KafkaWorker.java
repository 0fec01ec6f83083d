package org.mopr.ledger.api.kafka;

import org.apache.kafka.common.TopicPartition;

import java.util.Set;
import org.springframework.context.SmartLifecycle;

/**
 * A projection worker as {@code project} and {@code bench} see it ({@link ContainerWorker} runs it): they wait for
 * it to end and read its partitions and metrics.
 */
public interface KafkaWorker extends SmartLifecycle {

    /** Blocks until the worker has stopped; returns why it stopped on its own, or null after a stop. */
    Throwable awaitTermination() throws InterruptedException;

    /** The partitions this worker reads now. */
    Set<TopicPartition> assignment();

    WorkerMetrics metrics();
}
