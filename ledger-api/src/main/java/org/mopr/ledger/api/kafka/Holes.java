package org.mopr.ledger.api.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The publisher's rule for holes in the global index. Indexes come from a sequence, so a transaction that took an
 * index may commit after later ones (a hole that will fill), or roll back (a hole for ever); the two look the same
 * until the first commits. The publisher sends events strictly in index order and stops at the first hole, so a
 * late event is never passed over; a hole it has seen for {@code timeout} without being filled is taken for a
 * rollback and passed. An event whose transaction stays open longer than that is not published: the timeout
 * must exceed the longest transaction that appends events (Axon's tracking processors give a gap 60 s, the same
 * default here), and a rolled-back transaction delays publishing by at most the timeout.
 *
 * <p>Each hole is timed from when it was first seen. The holes of one read are all known at once (a rolled-back
 * transaction of 2,000 events leaves 2,000 of them, usually in one range), so they expire together and are not
 * waited for one after the other. Only holes inside the last page read are remembered, at most one per event of
 * the page. Not thread-safe: the publisher's thread only.
 */
final class Holes {

    /** A missing range of indexes, first seen at {@code seen} (System.nanoTime). */
    private record Range(long last, long seen) {
    }

    private final long timeoutNanos;
    /** By first missing index; disjoint. */
    private TreeMap<Long, Range> known = new TreeMap<>();

    Holes(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * How many of {@code indexes} (ascending, all above {@code after}) may be published now: those before the
     * first hole that is younger than the timeout. {@code now} is System.nanoTime.
     */
    int publishable(long after, List<Long> indexes, long now) {
        TreeMap<Long, Range> current = new TreeMap<>();
        int blocked = -1;
        long expected = after + 1;
        for (int i = 0; i < indexes.size(); i++) {
            long index = indexes.get(i);
            if (index > expected) {
                long seen = firstSeen(expected, index - 1, now);
                current.put(expected, new Range(index - 1, seen));
                if (blocked < 0 && now - seen < timeoutNanos) {
                    blocked = i;
                }
            }
            expected = index + 1;
        }
        // Holes filled meanwhile, or already passed, are forgotten.
        known = current;
        return blocked < 0 ? indexes.size() : blocked;
    }

    /** Holes seen at the last read, for the log: first missing index to last. */
    Map<Long, Long> lastSeen() {
        Map<Long, Long> ranges = new TreeMap<>();
        known.forEach((first, range) -> ranges.put(first, range.last()));
        return ranges;
    }

    /**
     * When any part of {@code first..last} was first seen missing: a hole only shrinks or splits as events
     * commit, so the earliest sighting of an overlapping range is the hole's own.
     */
    private long firstSeen(long first, long last, long now) {
        long seen = now;
        for (Map.Entry<Long, Range> entry : known.headMap(last, true).descendingMap().entrySet()) {
            if (entry.getValue().last() < first) {
                break;
            }
            seen = Math.min(seen, entry.getValue().seen());
        }
        return seen;
    }
}
