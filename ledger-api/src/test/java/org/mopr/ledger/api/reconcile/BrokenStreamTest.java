package org.mopr.ledger.api.reconcile;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.Status;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dues event removed from the store turns a MATCH into a MISMATCH by exactly its amount. */
class BrokenStreamTest {

    @Test
    void removingADuesEventShowsAsAMismatchOfItsAmount() {
        try (HistoricalRun run = new HistoricalRun("broken")) {
            ReconciliationService reconciliations = run.context.getBean(ReconciliationService.class);
            assertThat(line(reconciliations.of(run.run()), "c001.ussr-aid-1923-usd/collected").status()).isEqualTo(Status.MATCH);

            // Cut one month of the Soviet section's dollar dues out of the stream, then rebuild the run's projections.
            Map<String, Object> victim = run.jdbc.queryForMap("SELECT globalindex, "
                    + "(convert_from(payload, 'UTF8')::json->'amount'->>'minor')::bigint AS minor FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%DuesCollected' "
                    + "AND convert_from(payload, 'UTF8')::json->'amount'->>'currency' = 'USD' ORDER BY globalindex LIMIT 1",
                    run.run() + "/section/SU");
            long removed = ((Number) victim.get("minor")).longValue();
            assertThat(run.jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", victim.get("globalindex"))).isEqualTo(1);
            run.context.getBean(ReplayService.class).replay(run.run(), line -> { });

            Reconciliation broken = reconciliations.of(run.run());
            Line collected = line(broken, "c001.ussr-aid-1923-usd/collected");
            assertThat(collected.status()).isEqualTo(Status.MISMATCH);
            assertThat(collected.difference()).isEqualTo(java.math.BigDecimal.valueOf(-removed, 2).toPlainString() + " USD");
            // The aid itself is untouched: only what it rested on is missing.
            assertThat(line(broken, "c001.ussr-aid-1923-usd").status()).isEqualTo(Status.MATCH);
        }
    }

    private static Line line(Reconciliation r, String id) {
        return r.line(id).orElseThrow();
    }
}
