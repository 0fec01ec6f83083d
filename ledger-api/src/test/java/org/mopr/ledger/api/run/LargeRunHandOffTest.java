package org.mopr.ledger.api.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.projection.ReplayService;
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
 * A run the live processor falls far behind hands its backlog to the bulk path by itself, and the projections it
 * ends with are those a replay of the run gives; a small run does not, and is followed live as before.
 */
class LargeRunHandOffTest {

    private static final String SUMS = "SELECT 'event' AS t, count(*) AS n, 0 AS s FROM proj_event WHERE run_id = ? "
            + "UNION ALL SELECT 'journal', count(*), sum(amount_minor) FROM proj_journal WHERE run_id = ? "
            + "UNION ALL SELECT 'income', count(*), sum(amount_minor) FROM proj_income_month WHERE run_id = ? "
            + "UNION ALL SELECT 'balance', count(*), sum(balance_minor) FROM proj_balance WHERE run_id = ? ORDER BY 1";

    @Test
    void aRunFarAheadOfTheLiveProcessorIsProjectedInBulkAndEndsAsAReplayWouldLeaveIt(@TempDir Path dir) throws Exception {
        String db = TestPostgres.freshDatabase("run_hand_off");
        Path scenario = dir.resolve("members.yaml");
        Files.writeString(scenario, ScenarioReader.source("synthetic-members").text()
                .replaceFirst("(?m)^(\\s+events:\\s*)\\d+", "$130000"));
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.run.bulk-catch-up-backlog=1000")) {
            RunService runs = context.getBean(RunService.class);
            ReplayService replays = context.getBean(ReplayService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            ByteArrayOutputStream smallPrinted = new ByteArrayOutputStream();
            RunSummary small = runs.runAndReport("historical", null, null,
                    new PrintStream(smallPrinted, true, StandardCharsets.UTF_8));
            assertThat(smallPrinted.toString(StandardCharsets.UTF_8)).as("a small run is followed live")
                    .doesNotContain("in bulk").contains("reconciliation of run " + small.runId().value());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            RunSummary large = runs.runAndReport(scenario.toString(), null, null,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(text).containsPattern("fell more than 1000 events behind \\((\\d+) when stopped\\); projecting the rest in bulk")
                    .contains("projected in bulk").contains("reconciliation of run " + large.runId().value());
            // The paused processor starts again from the caught-up tokens once the run's figures are projected.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(replays.processorPosition())
                    .as("the processor runs again, at the head").isEqualTo(replays.storeHead()));
            String run = large.runId().value();
            List<Map<String, Object>> handedOff = jdbc.queryForList(SUMS, run, run, run, run);
            assertThat(handedOff).filteredOn(row -> row.get("t").equals("event")).singleElement()
                    .satisfies(row -> assertThat(row.get("n")).isEqualTo(large.events()));
            List<Map<String, Object>> smallBefore = jdbc.queryForList(SUMS, small.runId().value(), small.runId().value(),
                    small.runId().value(), small.runId().value());

            replays.replay(run, line -> { });
            assertThat(jdbc.queryForList(SUMS, run, run, run, run)).as("as a replay of the run leaves them").isEqualTo(handedOff);
            assertThat(jdbc.queryForList(SUMS, small.runId().value(), small.runId().value(), small.runId().value(),
                    small.runId().value())).as("the run before, untouched").isEqualTo(smallBefore);
        }
    }
}
