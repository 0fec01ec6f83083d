package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
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

    @Bean
    public ConfigurerModule axonProcessorMonitors(MeterRegistry registry, Switch monitoring) {
        GlobalMetricRegistry metrics = new GlobalMetricRegistry(registry);
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : PROCESSORS) {
                Tags tags = Tags.of("processor", name);
                processing.registerMessageMonitor(name, c -> switched(monitoring,
                        eventMonitor(metrics.registerEventProcessor(PREFIX, m -> tags, m -> tags))));
            }
        });
    }

    /** The monitor while the switch is on; while it is off, a message costs one volatile read. */
    private static MessageMonitor<Message<?>> switched(Switch monitoring, MessageMonitor<Message<?>> monitor) {
        return message -> monitoring.on() ? monitor.onMessageIngested(message) : NoOpMessageMonitorCallback.INSTANCE;
    }

    /** Axon types a processor's monitor for any message; an event processor only ever hands it events. */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> eventMonitor(MessageMonitor<? super EventMessage<?>> monitor) {
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) monitor;
    }
}
