package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor monitor against axon-micrometer's timer and counting monitors, which it replaces: the same
 * Prometheus series, counted by outcome as they counted, with meters made once.
 */
class ProcessorMonitorTest {

    private static final String PREFIX = AxonProcessorMetrics.PREFIX;
    private static final Tags TAGS = Tags.of("processor", "p");

    /** The meters axon-micrometer's monitors and the two gauges make for a processor. */
    static final List<String> NAMES = List.of("latency", "capacity", "allTimer", "successTimer", "failureTimer",
            "ignoredTimer", "ingestedCounter", "successCounter", "failureCounter", "processedCounter", "ignoredCounter")
            .stream().map(name -> PREFIX + "." + name).toList();

    private static EventMessage<?> event() {
        return GenericEventMessage.asEventMessage("event");
    }

    /** Two successes, a failure and an ignored event through the monitor. */
    private static void handleOneOfEach(MessageMonitor<? super EventMessage<?>> monitor) {
        monitor.onMessageIngested(event()).reportSuccess();
        monitor.onMessageIngested(event()).reportSuccess();
        monitor.onMessageIngested(event()).reportFailure(new IllegalStateException("refused"));
        monitor.onMessageIngested(event()).reportIgnored();
    }

    @Test
    void theScrapeHasAxonMicrometersSeriesAndCounts() {
        PrometheusMeterRegistry axons = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Function<Message<?>, Iterable<Tag>> tagged = m -> TAGS;
        MessageMonitor<Message<?>> timers = MessageTimerMonitor.buildMonitor(PREFIX, axons, tagged);
        MessageMonitor<Message<?>> counters = MessageCountingMonitor.buildMonitor(PREFIX, axons, tagged);
        new ProcessorLatency(PREFIX, axons, TAGS);
        new ProcessorCapacity(PREFIX, axons, TAGS);
        handleOneOfEach(message -> {
            MessageMonitor.MonitorCallback timer = timers.onMessageIngested(message);
            MessageMonitor.MonitorCallback counter = counters.onMessageIngested(message);
            return new MessageMonitor.MonitorCallback() {
                public void reportSuccess() {
                    timer.reportSuccess();
                    counter.reportSuccess();
                }

                public void reportFailure(Throwable cause) {
                    timer.reportFailure(cause);
                    counter.reportFailure(cause);
                }

                public void reportIgnored() {
                    timer.reportIgnored();
                    counter.reportIgnored();
                }
            };
        });
        PrometheusMeterRegistry ours = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        handleOneOfEach(new ProcessorMonitor(PREFIX, ours, TAGS));

        assertThat(series(ours.scrape())).isEqualTo(series(axons.scrape())).hasSizeGreaterThan(40);
        assertThat(types(ours.scrape())).isEqualTo(types(axons.scrape()));
        // Counters and the timers' counts are the same numbers; durations and percentiles differ by the clock.
        assertThat(counts(ours.scrape())).isEqualTo(counts(axons.scrape()))
                .contains("axon_processor_ingestedCounter_total{processor=\"p\"} 4.0",
                        "axon_processor_processedCounter_total{processor=\"p\"} 3.0",
                        "axon_processor_successCounter_total{processor=\"p\"} 2.0",
                        "axon_processor_failureCounter_total{processor=\"p\"} 1.0",
                        "axon_processor_ignoredCounter_total{processor=\"p\"} 1.0",
                        "axon_processor_allTimer_seconds_count{processor=\"p\"} 4",
                        "axon_processor_successTimer_seconds_count{processor=\"p\"} 2");
    }

    @Test
    void countsAndTimesEveryEventWithMetersMadeOnce() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProcessorMonitor monitor = new ProcessorMonitor(PREFIX, registry, TAGS);
        List<Meter> made = new ArrayList<>(registry.getMeters());
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            monitor.onMessageIngested(event()).reportSuccess();
        }
        assertThat(registry.get(PREFIX + ".ingestedCounter").tags(TAGS).counter().count()).isEqualTo(n);
        assertThat(registry.get(PREFIX + ".successCounter").tags(TAGS).counter().count()).isEqualTo(n);
        assertThat(registry.get(PREFIX + ".processedCounter").tags(TAGS).counter().count()).isEqualTo(n);
        assertThat(registry.get(PREFIX + ".allTimer").tags(TAGS).timer().count()).isEqualTo(n);
        assertThat(registry.get(PREFIX + ".successTimer").tags(TAGS).timer().count()).isEqualTo(n);
        assertThat(registry.get(PREFIX + ".failureTimer").tags(TAGS).timer().count()).isZero();
        // Every meter existed before the first event (a simple registry adds a gauge per percentile), and the events
        // added none.
        assertThat(made).extracting(m -> m.getId().getName()).containsAll(NAMES);
        assertThat(registry.getMeters()).containsExactlyInAnyOrderElementsOf(made);

        // The monitor holds its meters: with the registry emptied, handling an event registers nothing again.
        registry.clear();
        monitor.onMessageIngested(event()).reportSuccess();
        assertThat(registry.getMeters()).isEmpty();
    }

    /** Every sample's name and labels, without its value. */
    private static Set<String> series(String scrape) {
        return lines(scrape, l -> !l.startsWith("#"), l -> l.substring(0, l.lastIndexOf(' ')));
    }

    private static Set<String> types(String scrape) {
        return lines(scrape, l -> l.startsWith("# TYPE"), Function.identity());
    }

    /** The samples whose values do not depend on the clock. */
    private static Set<String> counts(String scrape) {
        return lines(scrape, l -> l.contains("Counter_total") || l.contains("Timer_seconds_count"), Function.identity());
    }

    private static Set<String> lines(String scrape, Predicate<String> keep, Function<String, String> as) {
        Set<String> out = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank()).filter(keep).map(as).forEach(out::add);
        return out;
    }
}
