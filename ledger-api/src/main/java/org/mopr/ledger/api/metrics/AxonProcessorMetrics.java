package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.Message;
import io.micrometer.core.instrument.Tag;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's event processor metrics, by processor name (tag {@code processor}), on while
 * {@code mopr.metrics.axon-processors} is true (the default): axon-micrometer's latency (age of the event being
 * handled), capacity (share of the time the processor is busy), handling timers and counters, as
 * {@code axon_processor_*}. The processors' positions and lag are the project's own gauges
 * ({@code mopr_projection_position/lag}, {@code mopr_kafka_publisher_*}), which read Axon's segment status.
 *
 * <p>Only the processors are monitored, not Axon's command bus or event store: those monitors time every command
 * and every appended event on the ingest path (BENCHMARK.md has what they cost), whereas a processor's monitor runs
 * once per event on its own thread, beside a batch's database writes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mopr.metrics.axon-processors", havingValue = "true", matchIfMissing = true)
public class AxonProcessorMetrics {

    public static final String PREFIX = "axon.processor";

    /** The processors this application may run (a processor that is not configured is simply not monitored). */
    static final List<String> PROCESSORS = List.of("projections", "kafka-publisher");

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
     * One monitor per processor, made here once and handed to Axon whenever it builds the processor: axon-micrometer's
     * own latency monitor registers its gauge again on every event, which Micrometer answers with an "already
     * registered" warning and a registry lookup per event, so the latency gauge is {@link ProcessorLatency}'s,
     * registered once under the same name, and so is the capacity gauge ({@link ProcessorCapacity}, which also keeps no
     * list of handling times). The timers and counters are axon-micrometer's.
     */
    @Bean
    public ConfigurerModule axonProcessorMonitors(MeterRegistry registry, Switch monitoring) {
        Map<String, MessageMonitor<Message<?>>> monitors = new LinkedHashMap<>();
        for (String name : PROCESSORS) {
            Tags tags = Tags.of("processor", name);
            Function<Message<?>, Iterable<Tag>> tagged = m -> tags;
            MessageMonitor<Message<?>> all = new MultiMessageMonitor<>(List.of(
                    eventMonitor(MessageTimerMonitor.buildMonitor(PREFIX, registry, tagged)),
                    eventMonitor(new ProcessorLatency(PREFIX, registry, tags)),
                    eventMonitor(new ProcessorCapacity(PREFIX, registry, tags)),
                    eventMonitor(MessageCountingMonitor.buildMonitor(PREFIX, registry, tagged))));
            monitors.put(name, switched(monitoring, all));
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
