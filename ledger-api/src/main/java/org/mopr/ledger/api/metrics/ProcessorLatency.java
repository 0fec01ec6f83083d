package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A processor's latency: how old, in milliseconds, the event it last took was when it took it (the gauge
 * {@code <prefix>.latency}, as axon-micrometer names it). The gauge is registered once, when the monitor is made;
 * each event only sets a number.
 */
final class ProcessorLatency implements MessageMonitor<EventMessage<?>> {

    private final AtomicLong millis = new AtomicLong();

    ProcessorLatency(String prefix, MeterRegistry registry, Tags tags) {
        Gauge.builder(prefix + ".latency", millis, AtomicLong::get).tags(tags)
                .description("Age of the event the processor last took, when it took it").register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        taken(message);
        return NoOpMessageMonitorCallback.INSTANCE;
    }

    /** The processor took this event now. */
    void taken(EventMessage<?> message) {
        millis.set(System.currentTimeMillis() - message.getTimestamp().toEpochMilli());
    }
}
