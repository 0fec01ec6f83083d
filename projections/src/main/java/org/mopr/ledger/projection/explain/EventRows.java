package org.mopr.ledger.projection.explain;

import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ColumnInsert;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.mopr.ledger.provenance.Provenance;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.TreeMap;

/** Every event (proj_event) and every distinct provenance (proj_provenance): what "explain" reads. */
public final class EventRows implements BatchPart {

    private record ProvenanceRow(String runId, long id, Provenance provenance) {
    }

    private final ColumnInsert<ProjectedEvent> events = new ColumnInsert<>("proj_event", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", ProjectedEvent::runId),
            new ColumnInsert.Column<>("global_index", "int8", ProjectedEvent::globalIndex),
            new ColumnInsert.Column<>("aggregate_id", "varchar", e -> e.envelope().aggregateId()),
            new ColumnInsert.Column<>("sequence_number", "int8", e -> e.envelope().sequenceNumber()),
            new ColumnInsert.Column<>("event_type", "varchar", ProjectedEvent::eventType),
            new ColumnInsert.Column<>("origin", "varchar", ProjectedEvent::origin),
            new ColumnInsert.Column<>("provenance_id", "int8", ProjectedEvent::provenanceId)));

    /** Sorted so that concurrent batches take row locks in one order. */
    private final TreeMap<String, ProvenanceRow> provenances = new TreeMap<>();

    private final RowBatch<ProvenanceRow> provenanceRows = new RowBatch<>(
            "INSERT INTO proj_provenance (run_id, provenance_id, origin, claim_ids, rule, parameters, seed, placement) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, provenance_id) DO NOTHING",
            (ps, row) -> {
                Provenance p = row.provenance();
                Bind.text(ps, 1, row.runId());
                ps.setLong(2, row.id());
                Bind.text(ps, 3, p.origin().name());
                ps.setArray(4, ps.getConnection().createArrayOf("text", p.claims().toArray()));
                Bind.text(ps, 5, p.rule());
                Bind.text(ps, 6, ProvenanceIds.parametersJson(p));
                Bind.longOrNull(ps, 7, p.seed());
                Bind.text(ps, 8, p.placement());
            });

    /** The last provenance row added, so a run of events sharing one (the same instance) adds no key each. */
    private ProjectedEvent lastWithProvenance;

    @Override
    public void add(ProjectedEvent event) {
        events.add(event);
        ProjectedEvent last = lastWithProvenance;
        if (event.provenance() != null && last != null && last.provenance() == event.provenance()
                && last.runId().equals(event.runId())) {
            return;
        }
        if (event.provenance() != null) {
            lastWithProvenance = event;
            provenances.putIfAbsent(event.runId() + "|" + event.provenanceId(),
                    new ProvenanceRow(event.runId(), event.provenanceId(), event.provenance()));
        }
    }

    @Override
    public void encode() {
        events.encode();
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        provenanceRows.write(jdbc, provenances.values());
        events.flush(jdbc);
    }
}
