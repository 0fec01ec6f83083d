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

    public List<Line> notMatching() {
        return lines.stream().filter(l -> l.status() != Status.MATCH).toList();
    }

    public java.util.Optional<Line> line(String claimId) {
        return lines.stream().filter(l -> l.claimId().equals(claimId)).findFirst();
    }
}
