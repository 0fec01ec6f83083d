package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A processor's capacity: the share of the last {@link #WINDOW_SECONDS} seconds it spent handling events (1.0 is one
 * thread busy all the time; a processor of several threads can exceed it), the gauge {@code <prefix>.capacity} as
 * axon-micrometer names it. axon-micrometer's own monitor keeps every handling time of its window in a list (at
 * 50,000 events a second, half a million entries to sum at each scrape) and registers its gauge again for every
 * event; this one adds each handling time to a one-second bucket of a fixed ring, and registers once.
 */
final class ProcessorCapacity implements MessageMonitor<EventMessage<?>> {

    static final int WINDOW_SECONDS = 10;
    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanos;
    /** Busy nanoseconds of each second of the window, and which second each bucket holds now. */
    private final AtomicLongArray busy = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray second = new AtomicLongArray(WINDOW_SECONDS);

    ProcessorCapacity(String prefix, MeterRegistry registry, Tags tags) {
        this(prefix, registry, tags, System::nanoTime);
    }

    ProcessorCapacity(String prefix, MeterRegistry registry, Tags tags, LongSupplier nanos) {
        this.nanos = nanos;
        Gauge.builder(prefix + ".capacity", this, ProcessorCapacity::value).tags(tags)
                .description("Share of the last " + WINDOW_SECONDS + " s the processor spent handling events")
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        long start = nanos.getAsLong();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                done();
            }

            @Override
            public void reportFailure(Throwable cause) {
                done();
            }

            @Override
            public void reportIgnored() {
                done();
            }

            private void done() {
                long end = nanos.getAsLong();
                add(end, end - start);
            }
        };
    }

    /** An event handled for {@code elapsed} nanoseconds up to {@code now}, a reading of this gauge's clock. */
    void add(long now, long elapsed) {
        long s = Math.floorDiv(now, SECOND);
        int i = (int) Math.floorMod(s, WINDOW_SECONDS);
        long held = second.get(i);
        // A bucket last used a whole window ago starts again; of two threads racing to reset it, one wins (a time the
        // other adds between the reset's two steps may be lost: this is a gauge for an operator, not a ledger).
        if (held != s && second.compareAndSet(i, held, s)) {
            busy.set(i, 0);
        }
        busy.addAndGet(i, elapsed);
    }

    /** Busy time over the window's completed seconds and the current one, as a share of that time. */
    double value() {
        long s = Math.floorDiv(nanos.getAsLong(), SECOND);
        long total = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (s - second.get(i) < WINDOW_SECONDS) {
                total += busy.get(i);
            }
        }
        return (double) total / (WINDOW_SECONDS * SECOND);
    }
}
