package org.mopr.ledger.api.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The thread that looks, every {@link #EVERY_MILLIS}, whether the live processor has fallen far enough behind the
 * store to page the backlog ({@link LiveProjection#pageIfBehind}), and pages it when so. Stopped first when the
 * application stops (the highest phase), so no page is written while the connection pool closes.
 */
final class PagingWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PagingWatch.class);
    /** At a run's 40,000-50,000 events/s, a tenth of a second is half a page of the bulk path behind. */
    static final long EVERY_MILLIS = 100;

    private final LiveProjection live;
    private volatile boolean running;
    private Thread thread;

    PagingWatch(LiveProjection live) {
        this.live = live;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::watch, "projection-paging");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        live.close();
        if (thread == null) {
            return;
        }
        try {
            // A page being written finishes first, with its tokens: a fraction of a second, a few at most.
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void watch() {
        while (running) {
            try {
                Thread.sleep(EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            try {
                live.pageIfBehind();
            } catch (RuntimeException e) {
                // A failed look (no connection free in time on a busy machine) is not the end of watching.
                log.debug("could not look at the live projection's backlog: {}", e.getMessage());
            }
        }
    }
}
