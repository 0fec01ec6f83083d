package org.mopr.ledger.projection.reconciliation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The reconciliation of one run: one line per assertion, in catalog order. */
public record Reconciliation(String runId, List<Line> lines) {

    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        lines.forEach(l -> counts.merge(l.status(), 1L, Long::sum));
        return counts;
    }

    /** Status counts per basis, every basis and status present (zero when none), in declaration order. */
    public Map<Basis, Map<Status, Long>> countByBasis() {
        Map<Basis, Map<Status, Long>> counts = new EnumMap<>(Basis.class);
        for (Basis b : Basis.values()) {
            Map<Status, Long> byStatus = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                byStatus.put(s, 0L);
            }
            counts.put(b, byStatus);
        }
        lines.forEach(l -> counts.get(l.basis()).merge(l.status(), 1L, Long::sum));
        return counts;
    }

    /** The lines of one basis only. */
    public Reconciliation only(Basis basis) {
        return basis == null ? this : new Reconciliation(runId, lines.stream().filter(l -> l.basis() == basis).toList());
    }

    public List<Line> notMatching() {
        return lines.stream().filter(l -> l.status() != Status.MATCH).toList();
    }

    public java.util.Optional<Line> line(String claimId) {
        return lines.stream().filter(l -> l.claimId().equals(claimId)).findFirst();
    }
}
