package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * All of one processor's metrics in one monitor whose meters are registered once, when it is made: the latency and
 * capacity gauges ({@link ProcessorLatency}, {@link ProcessorCapacity}) and the timers and counters that
 * axon-micrometer's {@code MessageTimerMonitor} and {@code MessageCountingMonitor} make, under their names, tags and
 * timer settings, so that the Prometheus series stay what they were. Those two monitors looked every one of their
 * nine meters up in the registry for every event (a builder, an id and a map lookup each), which a profile of the
 * Kafka publisher found to be 15-16 % of its thread.
 *
 * <p>What an event costs now: the latency's clock read, a counter increment and a nanoTime when it is taken; a
 * nanoTime, the capacity bucket, two timer recordings (all and the outcome's) and up to two increments when it is done.
 * The timers record each event rather than a batch: their count and percentiles are per event, which a batch's total
 * would turn into per batch. One monitor instead of a {@code MultiMessageMonitor} of four also means one callback
 * per event instead of a list of four, and one pair of nanoTime reads shared by the timers and the capacity.
 */
final class ProcessorMonitor implements MessageMonitor<EventMessage<?>> {

    /** axon-micrometer's timer settings: without them the timers' Prometheus series would change. */
    private static final Duration EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final ProcessorLatency latency;
    private final ProcessorCapacity capacity;
    private final Timer allTimer;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;
    private final Counter ingested;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter processed;
    private final Counter ignored;

    ProcessorMonitor(String prefix, MeterRegistry registry, Tags tags) {
        latency = new ProcessorLatency(prefix, registry, tags);
        capacity = new ProcessorCapacity(prefix, registry, tags);
        allTimer = timer(prefix + ".allTimer", registry, tags);
        successTimer = timer(prefix + ".successTimer", registry, tags);
        failureTimer = timer(prefix + ".failureTimer", registry, tags);
        ignoredTimer = timer(prefix + ".ignoredTimer", registry, tags);
        ingested = registry.counter(prefix + ".ingestedCounter", tags);
        succeeded = registry.counter(prefix + ".successCounter", tags);
        failed = registry.counter(prefix + ".failureCounter", tags);
        processed = registry.counter(prefix + ".processedCounter", tags);
        ignored = registry.counter(prefix + ".ignoredCounter", tags);
    }

    private static Timer timer(String name, MeterRegistry registry, Tags tags) {
        return Timer.builder(name).distributionStatisticExpiry(EXPIRY).publishPercentiles(PERCENTILES).tags(tags)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latency.taken(message);
        ingested.increment();
        return new Handling(System.nanoTime());
    }

    /**
     * One event from when it was taken until its outcome; the outcomes count as axon-micrometer's did: success and
     * failure are "processed", an ignored event is not.
     */
    private final class Handling implements MonitorCallback {

        private final long start;

        Handling(long start) {
            this.start = start;
        }

        @Override
        public void reportSuccess() {
            successTimer.record(done(), TimeUnit.NANOSECONDS);
            processed.increment();
            succeeded.increment();
        }

        @Override
        public void reportFailure(Throwable cause) {
            failureTimer.record(done(), TimeUnit.NANOSECONDS);
            processed.increment();
            failed.increment();
        }

        @Override
        public void reportIgnored() {
            ignoredTimer.record(done(), TimeUnit.NANOSECONDS);
            ignored.increment();
        }

        /** The handling time, recorded in the capacity and the timer of all events. */
        private long done() {
            long end = System.nanoTime();
            long elapsed = end - start;
            capacity.add(end, elapsed);
            allTimer.record(elapsed, TimeUnit.NANOSECONDS);
            return elapsed;
        }
    }
}
