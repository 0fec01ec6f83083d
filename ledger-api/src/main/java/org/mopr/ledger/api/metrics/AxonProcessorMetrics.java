package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's event processor metrics, by processor name (tag {@code processor}), on while
 * {@code mopr.metrics.axon-processors} is true (the default): the meters axon-micrometer defines for a processor,
 * latency (age of the event being handled), capacity (share of the time the processor is busy), handling timers and
 * counters, as {@code axon_processor_*}, made by the project's {@link ProcessorMonitor}. The processors' positions
 * and lag are the project's own gauges ({@code mopr_projection_position/lag}, which read Axon's segment status, and
 * {@code mopr_kafka_publisher_*}, which read the publisher's stored position).
 *
 * <p>Only the processors are monitored, not Axon's command bus or event store: those monitors time every command
 * and every appended event on the ingest path (BENCHMARK.md has what they cost), whereas a processor's monitor runs
 * once per event on its own thread, beside a batch's database writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mopr.metrics.axon-processors", havingValue = "true", matchIfMissing = true)
public class AxonProcessorMetrics {

    public static final String PREFIX = "axon.processor";

    /**
     * The Axon processors this application runs. The Kafka publisher is not one: it reads the event table in pages
     * on a thread of its own, and its position and lag are {@code mopr_kafka_publisher_*}.
     */
    static final List<String> PROCESSORS = List.of("projections");

    /**
     * Turns the monitors off and on while the application runs: {@code bench} measures the same ingest with them
     * off and on in one run, which is how their cost is known. On unless someone turns it off.
     */
    public static final class Switch {
        private final AtomicBoolean on = new AtomicBoolean(true);

        public void set(boolean monitoring) {
            on.set(monitoring);
        }

        public boolean on() {
            return on.get();
        }
    }

    @Bean
    public Switch axonProcessorMetricsSwitch() {
        return new Switch();
    }

    /**
     * One monitor per processor, made here once and handed to Axon whenever it builds the processor (again after a
     * restart), so its meters are registered once: {@link ProcessorMonitor}, under axon-micrometer's names.
     * axon-micrometer's own monitors register or look up their meters again for every event (its latency gauge with
     * an "already registered" warning each time).
     */
    @Bean
    public ConfigurerModule axonProcessorMonitors(MeterRegistry registry, Switch monitoring) {
        Map<String, MessageMonitor<Message<?>>> monitors = new LinkedHashMap<>();
        for (String name : PROCESSORS) {
            monitors.put(name, switched(monitoring, eventMonitor(new ProcessorMonitor(PREFIX, registry,
                    Tags.of("processor", name)))));
        }
        return configurer -> configurer.eventProcessing(processing ->
                monitors.forEach((name, monitor) -> processing.registerMessageMonitor(name, c -> monitor)));
    }

    /** The monitor while the switch is on; while it is off, a message costs one volatile read. */
    private static MessageMonitor<Message<?>> switched(Switch monitoring, MessageMonitor<Message<?>> monitor) {
        return message -> monitoring.on() ? monitor.onMessageIngested(message) : NoOpMessageMonitorCallback.INSTANCE;
    }

    /** Axon types a processor's monitor for any message; an event processor only ever hands it events. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> eventMonitor(MessageMonitor<?> monitor) {
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
    }
}
