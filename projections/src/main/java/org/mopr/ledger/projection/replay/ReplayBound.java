package org.mopr.ledger.projection.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.mopr.ledger.shared.LedgerJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a replay of one run stops: the processor's tokens when it began. Events they cover are the replay's;
 * later ones (and those in their gaps) stay the processor's, so the two never project the same event. Kept as
 * JSON in proj_replay so a resumed replay stops at the same place even if the processor ran in between.
 */
record ReplayBound(List<SegmentBound> segments) {

    record SegmentBound(int id, Long index, List<Long> gaps) {
    }

    static ReplayBound of(SegmentTokens tokens) {
        List<SegmentBound> segments = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            GapAwareTrackingToken t = tokens.token(i);
            segments.add(new SegmentBound(tokens.segment(i).getSegmentId(),
                    t == null ? null : t.getIndex(), t == null ? List.of() : List.copyOf(t.getGaps())));
        }
        return new ReplayBound(segments);
    }

    SegmentTokens tokens() {
        // Masks follow from the set of segment ids, as Axon computes them.
        Segment[] s = Segment.computeSegments(segments.stream().mapToInt(SegmentBound::id).toArray());
        GapAwareTrackingToken[] t = new GapAwareTrackingToken[s.length];
        for (int i = 0; i < s.length; i++) {
            int id = s[i].getSegmentId();
            SegmentBound b = segments.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            t[i] = b.index() == null ? null : GapAwareTrackingToken.newInstance(b.index(), b.gaps());
        }
        return new SegmentTokens(s, t);
    }

    /** The highest index any segment's bound reaches; -1 when the processor had projected nothing. */
    long upTo() {
        return segments.stream().map(SegmentBound::index).filter(i -> i != null).mapToLong(Long::longValue).max().orElse(-1);
    }

    String toJson() {
        try {
            return LedgerJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write replay bound " + this, e);
        }
    }

    static ReplayBound fromJson(String json) {
        try {
            return LedgerJson.mapper().readValue(json, ReplayBound.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proj_replay holds an unreadable bound '" + json + "': " + e.getMessage(), e);
        }
    }
}
