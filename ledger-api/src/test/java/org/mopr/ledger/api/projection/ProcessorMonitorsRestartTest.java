package org.mopr.ledger.api.projection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor's monitors across restarts: one latency gauge per processor, no "already registered" warning from
 * Micrometer (axon-micrometer's own latency monitor registered its gauge again for every event), and the counters
 * keep counting the events taken after each restart.
 */
class ProcessorMonitorsRestartTest {

    @Test
    void monitorsSurviveRestartsWithoutRegisteringTwice() {
        String db = TestPostgres.freshDatabase("processor_metrics");
        Logger micrometer = (Logger) LoggerFactory.getLogger(MeterRegistry.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            // After the start: Spring Boot sets logging up anew when a context starts, dropping appenders added before.
            log.start();
            micrometer.addAppender(log);
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            SectionId su = Projected.foundSection(commands, "metrics", "SU", Currency.USD);
            Projected.awaitAllProjected(jdbc);
            for (int round = 0; round < 3; round++) {
                processor.shutDown();
                processor.start();
                double before = ingested(registry);
                long storedBefore = Projected.stored(jdbc);
                Projected.collectDues(commands, su, 4, "USD");
                Projected.collectDues(commands, su, 2, "USD");
                long stored = Projected.stored(jdbc);
                await().atMost(Duration.ofSeconds(30)).until(() -> Projected.projected(jdbc) == stored);
                // The processor took each event of this round once, and the monitor made before the restart saw them.
                assertThat(stored - storedBefore).isPositive();
                assertThat(ingested(registry)).as("round %d", round).isEqualTo(before + (stored - storedBefore));
            }
            assertThat(registry.find("axon.processor.latency").tag("processor", "projections").gauges()).hasSize(1);
            assertThat(registry.find("axon.processor.capacity").tag("processor", "projections").gauges()).hasSize(1);
            assertThat(registry.get("axon.processor.capacity").tag("processor", "projections").gauge().value())
                    .isBetween(0.0, 1.0);
            Gauge latency = registry.get("axon.processor.latency").tag("processor", "projections").gauge();
            // The events were a moment old when taken: a latency, not the epoch.
            assertThat(latency.value()).isBetween(0.0, 60_000.0);
            assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("already registered"));
        } finally {
            micrometer.detachAppender(log);
        }
    }

    /** The counter is made with the application, before the processor takes its first event. */
    private static double ingested(MeterRegistry registry) {
        return registry.get("axon.processor.ingestedCounter").tag("processor", "projections").counter().count();
    }
}
