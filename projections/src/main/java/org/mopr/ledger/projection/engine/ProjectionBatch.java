package org.mopr.ledger.projection.engine;

import org.mopr.ledger.projection.explain.EventRows;
import org.mopr.ledger.projection.explain.ProvenanceIds;
import org.mopr.ledger.projection.income.IncomeRows;
import org.mopr.ledger.projection.ledger.LedgerRows;
import org.mopr.ledger.projection.organisation.OrganisationRows;
import org.mopr.ledger.projection.patronage.PatronageRows;
import org.mopr.ledger.projection.rates.RateRows;
import org.mopr.ledger.projection.reconciliation.AsideRows;
import org.mopr.ledger.projection.section.SectionRows;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.provenance.LedgerEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of every projection for one batch of events, folded in memory until {@link #flush}. A batch is used by
 * one thread and once: the processor makes one per unit of work, the bulk replay one per page of the event table.
 */
public final class ProjectionBatch {

    private final List<BatchPart> parts = List.of(new EventRows(), new SectionRows(), new LedgerRows(),
            new IncomeRows(), new OrganisationRows(), new RateRows(), new PatronageRows(), new AsideRows());
    /** Hashing a provenance costs a JSON write and a digest; a batch usually holds a handful of distinct ones. */
    private final Map<Provenance, Long> provenanceIds = new HashMap<>();
    /**
     * The last provenance looked up, found again by identity: the bulk replay hands every event of a page whose
     * provenance is the previous one's the same instance, and hashing a record of several parameters per event was
     * a sixth of its folding.
     */
    private Provenance lastProvenance;
    private Long lastProvenanceId;
    private String lastAggregateId;
    private String lastRun;
    private int events;
    private boolean flushed;

    public void add(EventEnvelope envelope) {
        if (flushed) {
            throw new IllegalStateException("a projection batch is written once; start a new one");
        }
        Provenance provenance = envelope.payload() instanceof LedgerEvent e ? e.provenance() : null;
        Long provenanceId = null;
        if (provenance != null && provenance == lastProvenance) {
            provenanceId = lastProvenanceId;
        } else if (provenance != null) {
            provenanceId = provenanceIds.computeIfAbsent(provenance, ProvenanceIds::of);
            lastProvenance = provenance;
            lastProvenanceId = provenanceId;
        }
        ProjectedEvent event = new ProjectedEvent(envelope, runOf(envelope), envelope.eventType(), provenance, provenanceId);
        for (BatchPart part : parts) {
            part.add(event);
        }
        events++;
    }

    /**
     * The event's run, the same String as the previous event's when it has the same aggregate: the parts key their
     * sums by run, and one instance hashes once and compares by identity.
     */
    private String runOf(EventEnvelope envelope) {
        if (!envelope.aggregateId().equals(lastAggregateId)) {
            lastAggregateId = envelope.aggregateId();
            lastRun = envelope.runId();
        }
        return lastRun;
    }

    public int size() {
        return events;
    }

    /**
     * Encodes the rows written by COPY now, on the calling thread, so that {@link #flush} only sends them: the bulk
     * replay's read-ahead thread calls it after folding a page. Optional; events may still be added afterwards.
     */
    public void encode() {
        for (BatchPart part : parts) {
            part.encode();
        }
    }

    /** Writes every part in the caller's transaction. */
    public void flush(JdbcTemplate jdbc) {
        if (flushed) {
            throw new IllegalStateException("a projection batch is written once");
        }
        flushed = true;
        if (events == 0) {
            return;
        }
        for (BatchPart part : parts) {
            part.flush(jdbc);
        }
    }
}
