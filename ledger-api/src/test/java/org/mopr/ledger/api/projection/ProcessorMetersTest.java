package org.mopr.ledger.api.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.metrics.AxonProcessorMetrics;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live processor's meters after it handled events: each counted once by the counters and the timers, and no
 * meter of Axon's processor metrics registered while it handled them (they are made with the application).
 */
class ProcessorMetersTest {

    private static final String PREFIX = AxonProcessorMetrics.PREFIX;

    @Test
    void everyEventHandledIsCountedAndTimedByMetersMadeOnce() {
        String db = TestPostgres.freshDatabase("processor_meters");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            SectionId su = Projected.foundSection(commands, "meters", "SU", Currency.USD);
            Projected.awaitAllProjected(jdbc);
            // The founding's outcomes are reported as its batch ends, a moment after its rows are there.
            await().atMost(Duration.ofSeconds(10)).until(() -> settled(readings(registry)));

            List<Meter> made = processorMeters(registry);
            List<Meter.Id> added = new CopyOnWriteArrayList<>();
            registry.config().onMeterAdded(m -> added.add(m.getId()));
            Map<String, Double> before = readings(registry);
            long storedBefore = Projected.stored(jdbc);
            for (int i = 0; i < 5; i++) {
                Projected.collectDues(commands, su, 40, "USD");
            }
            long stored = Projected.stored(jdbc);
            await().atMost(Duration.ofSeconds(60)).until(() -> Projected.projected(jdbc) == stored);
            long n = stored - storedBefore;
            assertThat(n).isGreaterThanOrEqualTo(200);
            // The monitor's callbacks run as the processor's batch ends, just after the projection's rows are there.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(delta(before, readings(registry), "successCounter")).isEqualTo(n));
            Map<String, Double> after = readings(registry);
            // Every event the processor took was handled: none failed or was ignored by the projections.
            for (String meter : List.of("ingestedCounter", "successCounter", "processedCounter", "allTimer",
                    "successTimer")) {
                assertThat(delta(before, after, meter)).as(meter).isEqualTo(n);
            }
            for (String meter : List.of("failureCounter", "ignoredCounter", "failureTimer", "ignoredTimer")) {
                assertThat(delta(before, after, meter)).as(meter).isZero();
            }
            assertThat(made).extracting(m -> m.getId().getName() + " " + m.getId().getTag("processor"))
                    .hasSize(11).doesNotHaveDuplicates()
                    .allMatch(name -> name.endsWith(" projections"));
            assertThat(processorMeters(registry)).containsExactlyInAnyOrderElementsOf(made);
            assertThat(added).noneMatch(id -> id.getName().startsWith(PREFIX));
        }
    }

    /** The meters of the processor monitors: the projections processor is the only Axon processor. */
    private static List<Meter> processorMeters(MeterRegistry registry) {
        return List.copyOf(Search.in(registry).name(name -> name.startsWith(PREFIX + ".")).meters());
    }

    /** The projections processor's counters, and its timers' counts, by meter name without the prefix. */
    private static Map<String, Double> readings(MeterRegistry registry) {
        return Search.in(registry).name(name -> name.startsWith(PREFIX + ".")).tag("processor", "projections")
                .meters().stream().filter(m -> m.getId().getName().endsWith("Counter")
                        || m.getId().getName().endsWith("Timer"))
                .collect(Collectors.toMap(m -> m.getId().getName().substring(PREFIX.length() + 1),
                        ProcessorMetersTest::count, (a, b) -> a));
    }

    private static double count(Meter meter) {
        return meter instanceof Timer timer ? timer.count() : ((Counter) meter).count();
    }

    private static boolean settled(Map<String, Double> readings) {
        return readings.getOrDefault("ingestedCounter", 0.0) > 0 && readings.get("ingestedCounter")
                == readings.get("processedCounter") + readings.get("ignoredCounter");
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String meter) {
        assertThat(after).as("the meters").containsKey(meter);
        return Math.round(after.get(meter) - before.getOrDefault(meter, 0.0));
    }
}
