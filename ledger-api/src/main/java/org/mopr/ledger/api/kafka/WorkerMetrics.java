package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches on a worker: the consumer lag (records on the broker not yet applied here, summed
 * over this worker's partitions), its partitions, and what it applied, skipped and failed. kafka-clients' own
 * metrics (kafka.consumer.*, records-lag-max among them) are bound beside these.
 */
public final class WorkerMetrics {

    public static final String LAG = "mopr.kafka.consumer.lag";

    private final AtomicLong lag = new AtomicLong();
    private final AtomicInteger partitions = new AtomicInteger();
    private final Counter records;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter stale;
    private final Counter failures;

    WorkerMetrics(MeterRegistry registry, String group, String topic) {
        Tags tags = Tags.of("group", group, "topic", topic);
        Gauge.builder(LAG, lag, AtomicLong::get).tags(tags)
                .description("Records of this worker's partitions not yet applied to the projections").register(registry);
        Gauge.builder("mopr.kafka.worker.partitions", partitions, AtomicInteger::get).tags(tags)
                .description("Partitions assigned to this worker").register(registry);
        records = Counter.builder("mopr.kafka.worker.records").tags(tags)
                .description("Records received in batches that committed").register(registry);
        applied = Counter.builder("mopr.kafka.worker.events").tags(tags)
                .description("Events applied to the projections").register(registry);
        duplicates = Counter.builder("mopr.kafka.worker.duplicates").tags(tags)
                .description("Events skipped because they were already projected (sent again by the publisher)")
                .register(registry);
        stale = Counter.builder("mopr.kafka.worker.stale").tags(tags)
                .description("Records skipped because they lie below the group's stored offset").register(registry);
        failures = Counter.builder("mopr.kafka.worker.failures").tags(tags)
                .description("Batches rolled back and retried").register(registry);
    }

    void committed(BatchApplier.Outcome outcome) {
        records.increment(outcome.records());
        applied.increment(outcome.applied());
        duplicates.increment(outcome.duplicates());
        stale.increment(outcome.stale());
    }

    void failed() {
        failures.increment();
    }

    /** Records not yet applied; a count, so never below zero whatever the consumer's last view of the ends. */
    void lag(long records) {
        lag.set(Math.max(0, records));
    }

    void partitions(int count) {
        partitions.set(count);
    }

    public long lag() {
        return lag.get();
    }

    public double records() {
        return records.count();
    }

    public double applied() {
        return applied.count();
    }

    public double duplicates() {
        return duplicates.count();
    }

    public double stale() {
        return stale.count();
    }

    public double failures() {
        return failures.count();
    }
}
