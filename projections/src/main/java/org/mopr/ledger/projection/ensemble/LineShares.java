package org.mopr.ledger.projection.ensemble;

import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.Status;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Each reconciliation line across members: in how many it holds (MATCH), its statuses, and its basis. */
public final class LineShares {

    public record Share(String claimId, String basis, int holds, int members, String statuses) {
        public double share() {
            return members == 0 ? 0 : (double) holds / members;
        }
    }

    private final Map<String, String> bases = new LinkedHashMap<>();
    private final Map<String, EnumMap<Status, Integer>> counts = new LinkedHashMap<>();

    /** @return whether every CONSERVATION line (a documented total against its spread parts) matched */
    public boolean add(Reconciliation reconciliation) {
        boolean conserved = true;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Line line : reconciliation.lines()) {
            int n = seen.merge(line.claimId(), 1, Integer::sum);
            String key = n == 1 ? line.claimId() : line.claimId() + "#" + n;
            bases.putIfAbsent(key, line.basis().name());
            counts.computeIfAbsent(key, k -> new EnumMap<>(Status.class)).merge(line.status(), 1, Integer::sum);
            if ("CONSERVATION".equals(line.basis().name()) && line.status() != Status.MATCH) {
                conserved = false;
            }
        }
        return conserved;
    }

    public java.util.List<Share> shares() {
        return counts.entrySet().stream().map(e -> {
            int members = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            String statuses = e.getValue().entrySet().stream().map(s -> s.getKey().name() + ":" + s.getValue())
                    .collect(Collectors.joining(","));
            return new Share(e.getKey(), bases.get(e.getKey()), e.getValue().getOrDefault(Status.MATCH, 0), members, statuses);
        }).toList();
    }
}
