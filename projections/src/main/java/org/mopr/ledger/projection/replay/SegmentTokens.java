package org.mopr.ledger.projection.replay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * The processor's tokens, one per segment, advanced by the bulk replay exactly as Axon's JDBC storage engine
 * advances them: a hole before a recent event stays a gap (a transaction may still commit into it), a hole before
 * an old event is given up. The processor takes over from these tokens and fills any gap that shows up later.
 */
final class SegmentTokens {

    /** JdbcEventStorageEngine's default: gaps further back than this are dropped. */
    static final int MAX_GAP_OFFSET = 10_000;

    private final Segment[] segments;
    private final GapAwareTrackingToken[] tokens;

    SegmentTokens(Segment[] segments, GapAwareTrackingToken[] tokens) {
        this.segments = segments.clone();
        this.tokens = tokens.clone();
    }

    /** A copy to advance within a transaction, so a rolled-back page leaves the committed tokens as they were. */
    SegmentTokens copy() {
        return new SegmentTokens(segments, tokens);
    }

    /** The same segments, each at the start of the stream. */
    SegmentTokens fromStart() {
        return new SegmentTokens(segments, new GapAwareTrackingToken[segments.length]);
    }

    int size() {
        return segments.length;
    }

    Segment segment(int i) {
        return segments[i];
    }

    GapAwareTrackingToken token(int i) {
        return tokens[i];
    }

    /** The segment an aggregate's events belong to (Axon's default policy: sequential per aggregate). */
    int segmentOf(String aggregateId) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].matches((Object) aggregateId)) {
                return i;
            }
        }
        throw new IllegalStateException("no segment of " + segments.length + " matches aggregate " + aggregateId);
    }

    /** Where reading must start: below every segment's position. */
    long lowestIndex() {
        long lowest = Long.MAX_VALUE;
        for (GapAwareTrackingToken t : tokens) {
            lowest = Math.min(lowest, t == null ? -1 : t.getIndex());
        }
        return lowest;
    }

    /** Every segment's gaps: events that may still appear below the positions. */
    SortedSet<Long> gaps() {
        SortedSet<Long> gaps = new TreeSet<>();
        for (GapAwareTrackingToken t : tokens) {
            if (t != null) {
                gaps.addAll(t.getGaps());
            }
        }
        return gaps;
    }

    static boolean covers(GapAwareTrackingToken token, long index) {
        return token != null && index <= token.getIndex() && !token.getGaps().contains(index);
    }

    boolean covers(int segment, long index) {
        return covers(tokens[segment], index);
    }

    /** Every segment has now seen the event at {@code index} (each token moves past events of all segments). */
    void advance(long index, boolean recent) {
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = advance(tokens[i], index, recent);
        }
    }

    static GapAwareTrackingToken advance(GapAwareTrackingToken token, long index, boolean recent) {
        if (covers(token, index)) {
            return token;
        }
        if (token == null) {
            SortedSet<Long> gaps = new TreeSet<>();
            if (recent) {
                LongStream.range(Math.max(1, index - MAX_GAP_OFFSET), index).forEach(gaps::add);
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
        return token.advanceTo(index, recent ? MAX_GAP_OFFSET : 0);
    }
}
