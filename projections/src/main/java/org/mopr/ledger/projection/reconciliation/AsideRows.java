package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.organisation.ClaimSetAside;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/** The claims each run left out, and why: the reconciliation shows these reasons. */
public final class AsideRows implements BatchPart {

    private record Aside(String runId, long globalIndex, ClaimSetAside event) {
    }

    private final RowBatch<Aside> rows = new RowBatch<>(
            "INSERT INTO proj_claim_aside (run_id, claim_id, reason, global_index) VALUES (?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                Bind.text(ps, 2, a.event().claimId());
                Bind.text(ps, 3, a.event().reason());
                ps.setLong(4, a.globalIndex());
            });

    @Override
    public void add(ProjectedEvent event) {
        if (event.payload() instanceof ClaimSetAside e) {
            rows.add(new Aside(event.runId(), event.globalIndex(), e));
        }
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        rows.flush(jdbc);
    }
}
