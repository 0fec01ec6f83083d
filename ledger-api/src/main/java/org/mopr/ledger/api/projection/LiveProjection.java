package org.mopr.ledger.api.projection;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.mopr.ledger.projection.replay.BulkRebuild;
import org.mopr.ledger.projection.replay.ReplayListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Live projection, in two gears. Near the store's head Axon's pooled processor follows it event by event. When it
 * falls more than {@code paging.backlog} events behind (a large run being stored), the processor is stopped and the
 * backlog is projected in pages by the bulk path ({@link BulkRebuild#catchUp}: the processor's own tokens, claims and
 * projection code, read a page ahead and written with COPY), beside the writers, until no page has come for
 * {@code paging.idle}; then the processor takes over again from the tokens the pages advanced. Both gears advance the
 * same tokens in the transaction of the rows they write, so an event is projected once whichever gear met it.
 * <p>
 * This class is the only one that starts and stops the processor (replays, ensembles and the benchmark go through
 * {@link #start()} and {@link #stop()}): two gears of one process share the token claims' owner, so only this
 * object keeps them from running at once.
 */
public final class LiveProjection {

    private static final Logger log = LoggerFactory.getLogger(LiveProjection.class);
    /**
     * Between two catch-ups while paging: about a page of the bulk path (5,000 events) at a run's 40,000-50,000
     * events a second. Each catch-up ends on a part page, and a page costs a transaction, a token write and a COPY
     * per table whatever its size: at 20 ms the pages were a fifth full and the writers slower for it.
     */
    private static final long PACE_MILLIS = 100;
    /**
     * After a page failed, how long the processor keeps the backlog before paging is tried again: it meets the same
     * event, retries it with its own back-off and says why; paging again at once would stop and start it every look.
     */
    static final long RETRY_AFTER_FAILURE_NANOS = 30_000_000_000L;

    private final Supplier<PooledStreamingEventProcessor> processor;
    private final BulkRebuild bulk;
    private final ProjectionProperties.Paging settings;
    private final ApplicationEventPublisher publisher;

    private final Object lock = new Object();
    /** Whether live projection should run: set by start and stop only, under the lock. */
    private volatile boolean wanted = true;
    private volatile boolean paging;
    /** Set when the application stops: no more paging, and a page being written is the last. */
    private volatile boolean closed;
    private volatile long pagedPosition = -1;
    private final AtomicLong pagedEvents = new AtomicLong();
    private final AtomicLong pagings = new AtomicLong();
    private volatile long noPagingUntil = System.nanoTime();
    private volatile boolean pagingOn;

    public LiveProjection(Supplier<PooledStreamingEventProcessor> processor, BulkRebuild bulk,
                          ProjectionProperties.Paging settings, ApplicationEventPublisher publisher) {
        this.processor = processor;
        this.bulk = bulk;
        this.settings = settings;
        this.publisher = publisher;
        this.pagingOn = settings.enabled();
    }

    /**
     * Paging on or off from now on, whatever {@code mopr.projection.paging.enabled} said: for the benchmark, which
     * measures the processor alone (the cost of Axon's metrics on it) as well as live projection as it runs.
     */
    public void pagingEnabled(boolean on) {
        pagingOn = on;
    }

    /** Starts live projection (the processor; it pages again by itself once behind). */
    public void start() {
        synchronized (lock) {
            wanted = true;
            if (!paging) {
                processor.get().start();
            }
        }
    }

    /** Stops live projection: a paging gear ends after the page it is writing, and the processor is shut down. */
    public void stop() {
        synchronized (lock) {
            wanted = false;
            while (paging) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the live projection's paging stopped", e);
                }
            }
            processor.get().shutDown();
        }
    }

    public boolean isRunning() {
        return wanted && (paging || processor.get().isRunning());
    }

    /** Whether the backlog is being projected in pages right now. */
    public boolean isPaging() {
        return paging;
    }

    /**
     * The global index up to which events are projected: the pages' while paging, else the processor's lowest over
     * its segments; -1 before its first event or while neither gear runs (a processor between its restarts).
     */
    public long position() {
        if (paging) {
            return pagedPosition;
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        return status.isEmpty() ? -1 : status.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /** The processor's error, by segment, when it has stopped at an event it cannot project; null otherwise. */
    public EventTrackerStatus failedSegment() {
        if (paging) {
            return null;
        }
        return processor.get().processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .findFirst().orElse(null);
    }

    /** Events projected by the paging gear since start. */
    public long pagedEvents() {
        return pagedEvents.get();
    }

    /** How many times the processor fell behind and the backlog was paged. */
    public long pagings() {
        return pagings.get();
    }

    /**
     * Looks at the backlog once and, when the processor is more than the paging backlog behind, pages it until idle
     * (on the calling thread: {@link PagingWatch}'s). Does nothing while live projection is stopped or paging is off.
     */
    void pageIfBehind() {
        long backlog;
        synchronized (lock) {
            if (!pagingOn || closed || !wanted || paging || !processor.get().isRunning()
                    || System.nanoTime() - noPagingUntil < 0) {
                return;
            }
            long position = position();
            if (position < 0) {
                return;   // not started yet, or between restarts: nothing to judge by
            }
            backlog = bulk.storeHead() - position;
            if (backlog <= settings.backlog()) {
                return;
            }
            processor.get().shutDown();
            pagedPosition = position;
            paging = true;
        }
        pagings.incrementAndGet();
        log.info("live projection {} events behind the store: projecting in pages until it keeps up", backlog);
        try {
            page();
        } finally {
            synchronized (lock) {
                paging = false;
                lock.notifyAll();
                if (wanted && !closed) {
                    processor.get().start();
                }
            }
        }
    }

    /** Catch-ups one after the other until none has found an event for the idle time, or live projection stops. */
    private void page() {
        long lastEvents = System.nanoTime();
        ReplayListener listener = new ReplayListener() {
            @Override
            public void batchCommitted(long events, long position) {
                pagedPosition = position;
                ProjectionsChanged.announceNow(publisher);
            }
        };
        while (keepPaging()) {
            BulkRebuild.Result result;
            try {
                result = bulk.catchUp(listener, this::keepPaging);
            } catch (RuntimeException e) {
                // A page that cannot be projected (or an unfinished replay holding the tokens): the processor takes
                // over from the tokens, stops at the event and says why, with its retries and failure count.
                log.warn("paging stopped, the processor takes over from #{} (paging again in {} s at the earliest): {}",
                        pagedPosition, RETRY_AFTER_FAILURE_NANOS / 1_000_000_000L, e.getMessage());
                noPagingUntil = System.nanoTime() + RETRY_AFTER_FAILURE_NANOS;
                return;
            }
            pagedEvents.addAndGet(result.events());
            if (result.events() > 0) {
                pagedPosition = Math.max(pagedPosition, result.position());
                lastEvents = System.nanoTime();
            } else if (System.nanoTime() - lastEvents > settings.idle().toNanos()) {
                log.info("live projection keeps up again at #{}: the processor follows the store", pagedPosition);
                return;
            }
            sleep(PACE_MILLIS);
        }
    }

    private boolean keepPaging() {
        return wanted && !closed;
    }

    /**
     * Ends paging for good (the application is stopping): the page being written is the last, and the processor is
     * left to Axon's own shutdown. Returns at once; the paging thread's owner waits for it.
     */
    void close() {
        closed = true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
