package org.mopr.ledger.projection.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two ensembles figure by figure: the band of the difference b - a, member by member (member i of both has the
 * seed base+i, so they drew alike wherever the scenarios agree), and whether b's p50 lies outside a's p5..p95:
 * an effect the base ensemble's own spread does not explain.
 */
public final class EnsembleComparison {

    public record FigureDifference(String figure, Band base, Band other, Band difference, boolean outsideBaseBand) {
    }

    private EnsembleComparison() {
    }

    public static List<FigureDifference> compare(Map<String, long[]> a, Map<String, long[]> b) {
        List<FigureDifference> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            long[] va = a.get(key);
            long[] vb = b.get(key);
            int n = Math.max(va == null ? 0 : va.length, vb == null ? 0 : vb.length);
            va = va == null ? new long[n] : va;
            vb = vb == null ? new long[n] : vb;
            int paired = Math.min(va.length, vb.length);
            long[] diff = new long[paired];
            for (int i = 0; i < paired; i++) {
                diff[i] = vb[i] - va[i];
            }
            Band base = Band.of(va);
            Band other = Band.of(vb);
            out.add(new FigureDifference(key, base, other, Band.of(diff), !base.holds(other.p50())));
        }
        return out;
    }
}
