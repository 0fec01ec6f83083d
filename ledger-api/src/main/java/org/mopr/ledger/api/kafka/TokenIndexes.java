package org.mopr.ledger.api.kafka;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Iterator;
import java.util.SortedSet;

/**
 * The global index of each event of one batch, read off the tracking tokens where they say it exactly. A token's
 * index is the highest index seen, so it is the event's own index when it went up from the token before; when it
 * stayed, the event filled a gap, and its index is the one gap that is gone. The first event of a batch has no token
 * before it, and anything else unexpected (another kind of token, gaps cut off) answers -1: the caller looks those
 * up in the event table, as it once did for every event (a query per 250 events, 6% of the publisher's time).
 * Exact only if the processor hands every event of its stream to the publisher, which it does: the publisher
 * handles every payload type, on one segment. One batch, one thread.
 */
final class TokenIndexes {

    /** Beyond this many open gaps the look-up is cheaper than walking them (gaps are normally a handful). */
    private static final int MAX_GAPS = 1_000;

    private GapAwareTrackingToken previous;

    /** The index of the event this token was given with, or -1 when the token does not say it. */
    long indexOf(TrackingToken token) {
        GapAwareTrackingToken current = token == null ? null
                : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        GapAwareTrackingToken before = previous;
        previous = current;
        if (current == null || before == null || current.getIndex() < before.getIndex()) {
            return -1;
        }
        if (current.getIndex() > before.getIndex()) {
            return current.getIndex();
        }
        return filledGap(before.getGaps(), current.getGaps());
    }

    /** The one gap of {@code before} that {@code after} no longer has, or -1 if that is not what happened. */
    private static long filledGap(SortedSet<Long> before, SortedSet<Long> after) {
        if (before.size() != after.size() + 1 || before.size() > MAX_GAPS) {
            return -1;
        }
        Iterator<Long> is = after.iterator();
        Long next = is.hasNext() ? is.next() : null;
        long missing = -1;
        for (long gap : before) {
            if (next != null && next == gap) {
                next = is.hasNext() ? is.next() : null;
            } else if (missing >= 0) {
                return -1;
            } else {
                missing = gap;
            }
        }
        return next == null ? missing : -1;
    }
}
