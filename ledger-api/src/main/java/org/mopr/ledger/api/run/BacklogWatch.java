package org.mopr.ledger.api.run;

import org.mopr.ledger.api.projection.LivePause;
import org.mopr.ledger.api.projection.ReplayService;

/**
 * Watches, while a run stores its events, how far the live projection processor is behind the store; once it is
 * more than {@code maxBacklog} events behind, pauses it ({@link ReplayService#pauseLive}), so the writers have the
 * cores to themselves and the backlog goes to the bulk path after the run ({@link LivePause#catchUp}), as an
 * ensemble's members do. A small run never trips it: the processor follows it as before and its projections are
 * ready as soon as it ends.
 */
final class BacklogWatch implements AutoCloseable {

    private static final long EVERY_MILLIS = 250;

    private final ReplayService replays;
    private final long maxBacklog;
    private final Thread thread;
    private volatile boolean closed;
    private volatile LivePause pause;
    private volatile long tripBacklog = -1;

    BacklogWatch(ReplayService replays, long maxBacklog) {
        this.replays = replays;
        this.maxBacklog = maxBacklog;
        this.thread = new Thread(this::watch, "run-backlog-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                long position = replays.processorPosition();
                // -1: not started yet, or between its restarts: nothing to judge by.
                long backlog = position < 0 ? -1 : replays.storeHead() - position;
                if (backlog > maxBacklog) {
                    tripBacklog = backlog;
                    pause = replays.pauseLive();
                    return;
                }
            } catch (RuntimeException e) {
                // A failed look (no connection free in time on a busy machine, the pool closing at shutdown) is not
                // the end of watching: giving up here left the processor following a large run to its end.
            }
        }
    }

    /** How far behind the processor was when the watch stopped it, -1 if it did not. */
    long tripBacklog() {
        return tripBacklog;
    }

    /** The pause, when the processor fell too far behind: the caller hands the backlog to it and closes it. */
    LivePause pause() {
        return pause;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
