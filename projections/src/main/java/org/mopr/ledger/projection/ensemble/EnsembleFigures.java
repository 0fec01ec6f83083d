package org.mopr.ledger.projection.ensemble;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every member's figures, one array of N values per figure, filled member by member: 1,000 members of the historical
 * scenario are some 3,000 figures of 8 KB each, about 25 MB. A figure a member lacks (no aid to a country that month)
 * is 0 for money and counts of sections; a level a member lacks (no membership figure that month) is left out of
 * that figure's band rather than read as none.
 */
public final class EnsembleFigures {

    private final int members;
    private final Map<String, long[]> values = new HashMap<>();
    private final Map<String, boolean[]> present = new HashMap<>();
    private final Map<String, FigureInfo> infos = new TreeMap<>();

    public EnsembleFigures(int members) {
        this.members = members;
    }

    public void add(int member, MemberFigures figures) {
        figures.values().forEach((key, value) -> {
            values.computeIfAbsent(key, k -> new long[members])[member] = value;
            present.computeIfAbsent(key, k -> new boolean[members])[member] = true;
            infos.merge(key, figures.infos().get(key), (a, b) -> a.widen(b.origin()));
        });
    }

    public Map<String, FigureInfo> infos() {
        return infos;
    }

    /** The values of the first {@code done} members; a level's missing members are left out. */
    public long[] values(String figure, int done) {
        long[] all = values.get(figure);
        boolean[] seen = present.get(figure);
        boolean level = "membership".equals(infos.get(figure).family());
        long[] out = new long[done];
        int n = 0;
        for (int i = 0; i < done; i++) {
            if (!level || seen[i]) {
                out[n++] = all[i];
            }
        }
        return n == done ? out : java.util.Arrays.copyOf(out, n);
    }
}
