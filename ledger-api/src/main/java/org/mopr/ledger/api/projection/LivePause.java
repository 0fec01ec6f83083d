package org.mopr.ledger.api.projection;

import org.mopr.ledger.projection.replay.BulkRebuild;
import org.mopr.ledger.projection.replay.ReplayListener;
import org.springframework.context.ApplicationEventPublisher;

import java.util.Locale;

/**
 * Live projection stopped while a bulk writer appends (an ensemble's members: live projection would share the two
 * cores with them, event by event), then caught up in bulk and started again. Made by
 * {@link ReplayService#pauseLive()}; closing it starts the processor again whatever happened, and the processor
 * goes on from its tokens, so events the catch-up did not reach are projected live.
 */
public final class LivePause implements AutoCloseable {

    private final LiveProjection processor;
    private final BulkRebuild bulkRebuild;
    private final ApplicationEventPublisher publisher;
    private final boolean wasRunning;

    LivePause(LiveProjection processor, BulkRebuild bulkRebuild, ApplicationEventPublisher publisher) {
        this.processor = processor;
        this.bulkRebuild = bulkRebuild;
        this.publisher = publisher;
        this.wasRunning = processor != null && processor.isRunning();
        if (wasRunning) {
            processor.stop();
        }
    }

    /**
     * Projects in bulk what the tokens do not cover yet and says what it did in one line. Only when this process
     * stopped its processor: otherwise another process (or Kafka workers) projects, and the line says so.
     */
    public String catchUp() {
        if (!wasRunning) {
            return "projections: left to the process that projects this store (live projection is not running here)";
        }
        BulkRebuild.Result r;
        try {
            r = bulkRebuild.catchUp(new ReplayListener() {
                @Override
                public void batchCommitted(long events, long position) {
                    ProjectionsChanged.announceNow(publisher);
                }
            });
        } catch (IllegalStateException e) {
            // An unfinished replay or another process holds the tokens: the events stay in the store for them.
            return "projections: left to the live processor (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "projections: %,d events projected in bulk in %.1f s (%,d events/s)",
                r.events(), r.elapsed().toMillis() / 1000.0, r.eventsPerSecond());
    }

    @Override
    public void close() {
        if (wasRunning) {
            processor.start();
        }
    }
}
