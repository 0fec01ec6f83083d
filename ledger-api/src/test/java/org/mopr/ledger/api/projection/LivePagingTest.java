package org.mopr.ledger.api.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live projection's two gears: a processor far behind the store is stopped and the backlog paged by the bulk path,
 * then the processor takes over again; every event is projected once whichever gear took it, a stop in the middle
 * of paging stops both gears, and a run projected so ends as a replay of it leaves it.
 */
class LivePagingTest {

    private static final String SUMS = "SELECT 'event' AS t, count(*) AS n, 0 AS s FROM proj_event WHERE run_id = ? "
            + "UNION ALL SELECT 'journal', count(*), sum(amount_minor) FROM proj_journal WHERE run_id = ? "
            + "UNION ALL SELECT 'income', count(*), sum(amount_minor) FROM proj_income_month WHERE run_id = ? "
            + "UNION ALL SELECT 'balance', count(*), sum(balance_minor) FROM proj_balance WHERE run_id = ? ORDER BY 1";

    @Test
    void aBacklogIsPagedThenFollowedAndEveryEventIsProjectedOnce(@TempDir Path dir) throws Exception {
        String db = TestPostgres.freshDatabase("live_paging");
        Path scenario = dir.resolve("members.yaml");
        Files.writeString(scenario, ScenarioReader.source("synthetic-members").text()
                .replaceFirst("(?m)^(\\s+events:\\s*)\\d+", "$120000"));
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.paging.backlog=1000",
                "--mopr.projection.paging.idle=PT0.2S")) {
            RunService runs = context.getBean(RunService.class);
            LiveProjection live = context.getBean(LiveProjection.class);
            ReplayService replays = context.getBean(ReplayService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            RunSummary small = runs.runAndReport("historical", null, null, quiet);
            assertThat(small.events()).isLessThan(1000);
            assertThat(live.pagings()).as("a run smaller than the backlog is followed by the processor alone").isZero();

            // A backlog of a whole run, stored while live projection is stopped: nothing of it is projected meanwhile.
            live.stop();
            RunSummary large = runs.run(scenario.toString(), null, quiet);
            String run = large.runId().value();
            assertThat(projected(jdbc, run)).isZero();
            live.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> live.pagings() == 1 && atHead(live, processor, replays));
            assertThat(projected(jdbc, run)).isEqualTo(large.events());
            assertThat(live.pagedEvents()).as("the pages took most of the backlog").isBetween(large.events() / 2, large.events());
            assertThat(context.getBean(MeterRegistry.class).get("mopr.projection.paged.events").functionCounter().count())
                    .isEqualTo((double) live.pagedEvents());

            // Stopped while paging: both gears stop, and nothing more is projected until it starts again.
            live.stop();
            RunSummary second = runs.run(scenario.toString(), 7L, quiet);
            live.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(live::isPaging);
            live.stop();
            assertThat(live.isRunning()).isFalse();
            assertThat(live.isPaging()).isFalse();
            assertThat(processor.isRunning()).isFalse();
            long stopped = projected(jdbc, second.runId().value());
            assertThat(stopped).isLessThan(second.events());
            Thread.sleep(500);
            assertThat(projected(jdbc, second.runId().value())).as("nothing projected while stopped").isEqualTo(stopped);
            live.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> atHead(live, processor, replays));
            assertThat(projected(jdbc, second.runId().value())).isEqualTo(second.events());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class))
                    .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));

            // The paged run's rows are those a replay of it gives; the run before it is untouched by that replay.
            List<Map<String, Object>> paged = jdbc.queryForList(SUMS, run, run, run, run);
            List<Map<String, Object>> smallBefore = sums(jdbc, small.runId().value());
            replays.replay(run, line -> { });
            assertThat(jdbc.queryForList(SUMS, run, run, run, run)).as("as a replay of the run leaves them").isEqualTo(paged);
            assertThat(sums(jdbc, small.runId().value())).isEqualTo(smallBefore);
            context.getBean(TrialBalance.class).verify(null);
        }
    }

    /** Paging has handed back to the processor, which runs and is at the store's head. */
    private static boolean atHead(LiveProjection live, StreamingEventProcessor processor, ReplayService replays) {
        return !live.isPaging() && processor.isRunning() && live.position() == replays.storeHead();
    }

    private static long projected(JdbcTemplate jdbc, String run) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run);
    }

    private static List<Map<String, Object>> sums(JdbcTemplate jdbc, String run) {
        return jdbc.queryForList(SUMS, run, run, run, run);
    }
}
