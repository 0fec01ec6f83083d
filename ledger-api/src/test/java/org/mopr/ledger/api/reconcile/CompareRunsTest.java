package org.mopr.ledger.api.reconcile;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.compare.RunComparison;
import org.mopr.ledger.simulation.run.RunSummary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An analyst's what-if against the record: exactly the figures it should move, and the reconciliations they break. */
class CompareRunsTest {

    @Test
    void halfTheDuesHalvesTheMoneyAndBreaksTheMoneyReconciliationsOnly() {
        try (HistoricalRun historical = new HistoricalRun("compare")) {
            RunSummary half = historical.context.getBean(RunService.class).run("half-dues", null,
                    new PrintStream(new ByteArrayOutputStream()));
            await(historical, half);
            RunComparison.Comparison c = new RunComparison(historical.jdbc, historical.context.getBean(Catalog.class))
                    .compare(historical.run(), half.runId().value());

            assertThat(c.figures()).isNotEmpty();
            assertThat(c.figures()).allSatisfy(f -> assertThat(f.figure()).matches("(aid|income|balance)/.*"));
            RunComparison.FigureChange sovietDollarDues = c.figures().stream()
                    .filter(f -> f.figure().equals("income/SU/DUES/USD")).findFirst().orElseThrow();
            assertThat(Long.parseLong(sovietDollarDues.b())).isEqualTo(4_826_500 / 2);
            assertThat(sovietDollarDues.difference()).isEqualTo(String.valueOf(4_826_500 / 2 - 4_826_500));

            assertThat(c.reconciliation()).extracting(RunComparison.ReconciliationChange::claimId)
                    .containsExactlyInAnyOrder("c001.ussr-aid-1923-usd", "c001.ussr-aid-1923-usd/collected",
                            "c001.ussr-aid-1923-frf", "c001.ussr-aid-1923-frf/collected",
                            "c001.ussr-aid-to-1924-07-xrg", "c001.ussr-aid-to-1924-07-xrg/collected");
            assertThat(c.reconciliation()).allSatisfy(r -> {
                assertThat(r.statusA()).isEqualTo("MATCH");
                assertThat(r.statusB()).isEqualTo("MISMATCH");
            });
        }
    }

    @Test
    void aBannedSectionMovesAidToItsPrisonersAndDissolvesIt() {
        try (HistoricalRun historical = new HistoricalRun("compareban")) {
            RunSummary ban = historical.context.getBean(RunService.class).run("ban-italy-1923", null,
                    new PrintStream(new ByteArrayOutputStream()));
            await(historical, ban);
            RunComparison.Comparison c = new RunComparison(historical.jdbc, historical.context.getBean(Catalog.class))
                    .compare(historical.run(), ban.runId().value());
            RunComparison.FigureChange italy = c.figures().stream().filter(f -> f.figure().equals("section/IT"))
                    .findFirst().orElseThrow();
            assertThat(italy.b()).contains("dissolved 1923-06-01 BANNED");
            RunComparison.FigureChange aidToItaly = c.figures().stream().filter(f -> f.figure().equals("aid/IT/XRG"))
                    .findFirst().orElseThrow();
            assertThat(Long.parseLong(aidToItaly.difference())).isPositive();
            // The documented totals do not move, so the money reconciliations hold.
            assertThat(c.reconciliation()).extracting(RunComparison.ReconciliationChange::claimId)
                    .noneMatch(id -> id.startsWith("c001.ussr-aid"));
        }
    }

    private static void await(HistoricalRun historical, RunSummary other) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> historical.jdbc.queryForObject(
                "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, other.runId().value()) == other.events());
    }
}
