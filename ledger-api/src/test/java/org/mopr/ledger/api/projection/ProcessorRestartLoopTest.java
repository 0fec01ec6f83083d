package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * The live processor stopped and started, and handed over to by a replay, a hundred times in a row: each time
 * it reaches the store's head (its status and the tables both), also when events are stored while it is stopped.
 * A restart that leaves it idle below the head is a hang, and the test's time bound turns it into a failure.
 */
class ProcessorRestartLoopTest {

    private static final int ROUNDS = 100;

    @Test
    void theProcessorReachesTheHeadAfterEveryRestartAndReplay() {
        String db = TestPostgres.freshDatabase("restart_loop");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.batch-size=16",
                "--mopr.projection.replay.batch-size=64")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            ReplayService replay = context.getBean(ReplayService.class);
            SectionId su = Projected.foundSection(commands, "loop", "SU", Currency.USD);
            // The hundred rounds within a minute (about 20 s on a loaded two-core machine); before the coordinator's
            // short pauses and the store's fetch on open, each restart took 0.5-2 s and the loop several minutes.
            // On a timeout, the round reached tells a slow machine (many rounds done) from a hang (stuck in one).
            AtomicInteger reached = new AtomicInteger();
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> rounds(commands, jdbc, processor,
                    context.getBean(LiveProjection.class), replay, su, reached),
                    () -> "a minute passed in round " + reached.get() + " of " + ROUNDS + "; processor status "
                            + processor.processingStatus());
            // 100 restarts and replays, 25 x 3 + 75 x 7 payments: nothing lost, nothing counted twice.
            assertThat(jdbc.queryForObject("SELECT sum(entries) FROM proj_income_month", Long.class))
                    .isEqualTo(25L * 3 + 75L * 7);
            context.getBean(TrialBalance.class).verify(null);
        }
    }

    private static void rounds(CommandGateway commands, JdbcTemplate jdbc, StreamingEventProcessor processor,
                               LiveProjection live, ReplayService replay, SectionId su, AtomicInteger reached) {
        for (int round = 1; round <= ROUNDS; round++) {
            reached.set(round);
            String what;
            if (round % 4 == 0) {
                what = "replay";
                Projected.collectDues(commands, su, 3, "USD");
                // The replay stops the processor, rebuilds, restarts it and waits for the head itself.
                replay.replay(round % 8 == 0 ? "loop" : null, line -> { });
            } else {
                what = "restart";
                live.stop();
                // Events stored while it is stopped, and more right after the start, while it claims its segment.
                Projected.collectDues(commands, su, 5, "USD");
                live.start();
                Projected.collectDues(commands, su, 2, "USD");
            }
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            String as = "round " + round + " (" + what + "), head #" + head;
            try {
                await(as).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(5))
                        .until(() -> atHead(processor.processingStatus(), head));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // What a hang looks like, for whoever has to find it: the processor's view and the stored tokens.
                throw new AssertionError(as + ": status " + processor.processingStatus() + ", running "
                        + processor.isRunning() + ", error " + processor.isError() + ", tokens " + jdbc.queryForList(
                        "SELECT segment, owner, timestamp, convert_from(token, 'UTF8') AS token FROM tokenentry "
                                + "WHERE processorname = ?", ProjectionConfiguration.PROCESSOR)
                        + ", projected " + Projected.projected(jdbc) + " of " + Projected.stored(jdbc), e);
            }
            assertThat(Projected.projected(jdbc)).as(as).isEqualTo(Projected.stored(jdbc));
        }
    }

    private static boolean atHead(Map<Integer, EventTrackerStatus> status, long head) {
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
    }
}
