package org.mopr.ledger.projection.replay;

import org.mopr.ledger.projection.engine.ProjectionBatch;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads, deserializes and folds the next page of a replay of every run on a thread of its own while the current
 * page is written, so the JVM's half of the work overlaps PostgreSQL's (measured in ledger-api/BENCHMARK.md: the
 * rebuild was one half waiting for the writes, one third in Java, one after the other). A page depends only on the
 * tokens after the page before it, which are known before that page is written, so reading ahead changes nothing
 * of what is projected; a write that fails ends the replay and the page read ahead is dropped with it. Reading
 * happens outside the writing transaction, as a separate query would inside it: both see committed events only,
 * and an event that commits later below the position is a gap the tokens keep, as before.
 */
final class PagePrefetch implements AutoCloseable {

    /** A page folded and ready to write: {@code tokens} and {@code position} are those after it. */
    record Prepared(ProjectionBatch batch, SegmentTokens tokens, long position, boolean empty) {
    }

    @FunctionalInterface
    interface Preparer {
        /** Reads and folds the page after {@code tokens} (a copy the preparer may advance). */
        Prepared prepare(SegmentTokens tokens, long position);
    }

    private final Preparer preparer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replay-read-ahead");
        t.setDaemon(true);
        return t;
    });
    private Future<Prepared> ahead;
    private SegmentTokens aheadFrom;

    PagePrefetch(Preparer preparer) {
        this.preparer = preparer;
    }

    /** The page after {@code tokens}: the one read ahead if it was read from these very tokens, else read now. */
    Prepared take(SegmentTokens tokens, long position) {
        Future<Prepared> ready = aheadFrom == tokens ? ahead : null;
        ahead = null;
        aheadFrom = null;
        if (ready == null) {
            return preparer.prepare(tokens.copy(), position);
        }
        try {
            return ready.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the next page of the replay", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Starts reading the page after {@code prepared} while the caller writes it. */
    void readAhead(Prepared prepared) {
        SegmentTokens from = prepared.tokens();
        long position = prepared.position();
        aheadFrom = from;
        ahead = thread.submit(() -> preparer.prepare(from.copy(), position));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
