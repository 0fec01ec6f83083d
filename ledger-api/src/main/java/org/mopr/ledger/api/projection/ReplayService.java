package org.mopr.ledger.api.projection;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.projection.replay.BulkRebuild;
import org.mopr.ledger.projection.replay.ReplayListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Rebuilds the projections: stops the live processor, streams the event table into the projection code (the
 * bulk rebuild, 2-3x faster than the processor alone), hands its position to the processor as its tokens,
 * restarts it and waits until it has caught up with the store, then checks the trial balance.
 */
public class ReplayService {

    /** What a replay did: how many events the bulk part projected, in how long, and whether it resumed one. */
    public record Outcome(String scope, boolean resumed, long events, Duration elapsed) {
        public long eventsPerSecond() {
            return elapsed.toMillis() == 0 ? events : events * 1000 / elapsed.toMillis();
        }
    }

    private final BulkRebuild bulkRebuild;
    private final ObjectProvider<LiveProjection> live;
    private final TrialBalance trialBalance;
    private final ProjectionSettings settings;
    private final ApplicationEventPublisher publisher;

    public ReplayService(BulkRebuild bulkRebuild, ObjectProvider<LiveProjection> live,
                         TrialBalance trialBalance, ProjectionSettings settings,
                         ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.bulkRebuild = bulkRebuild;
        this.live = live;
        this.trialBalance = trialBalance;
        this.settings = settings;
    }

    public Outcome replay(String run, Consumer<String> out) {
        return replay(run, out, ReplayListener.NONE);
    }

    /** @param run a run id, or null for every run; {@code listener} hears each committed batch (tests stop it there) */
    public Outcome replay(String run, Consumer<String> out, ReplayListener listener) {
        long started = System.nanoTime();
        LiveProjection processor = live();
        processor.stop();
        BulkRebuild.Result result;
        try {
            result = bulkRebuild.rebuild(run, new Progress(out, listener, publisher));
        } finally {
            ProjectionsChanged.announceNow(publisher);
            // Whatever happened, live projection goes on from the tokens: after a failed replay of every run the
            // processor simply continues the rebuild where the replay stopped.
            processor.start();
        }
        long head = head();
        awaitCaughtUp(processor, head);
        trialBalance.verify(run);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Outcome outcome = new Outcome(result.scope(), result.resumed(), result.events(), elapsed);
        out.accept(String.format(Locale.ROOT, "replay of %s: %d events in %.1f s, %d events/s; processor at #%d; trial balance zero",
                run == null ? "every run" : "run " + run, outcome.events(), elapsed.toMillis() / 1000.0,
                outcome.eventsPerSecond(), head));
        return outcome;
    }

    /**
     * Stops live projection for a bulk writer (an ensemble's members) until {@link LivePause#close()}; meanwhile
     * {@link LivePause#catchUp} projects what was appended in bulk, the rebuild's pages from the processor's tokens
     * (several times the live processor's rate). A process without the live processor (Kafka workers project)
     * gets a pause that does nothing.
     */
    public LivePause pauseLive() {
        return new LivePause(live.getIfAvailable(), bulkRebuild, publisher);
    }

    /** How far live projection has got (LiveProjection#position), -1 before its first event or while it is not running. */
    public long processorPosition() {
        return live().position();
    }

    /** The store's highest global index, -1 when empty. */
    public long storeHead() {
        return head();
    }

    private LiveProjection live() {
        LiveProjection projection = live.getIfAvailable();
        if (projection == null) {
            throw new IllegalStateException("live projection (processor " + ProjectionConfiguration.PROCESSOR
                    + ") is not enabled in this process: mopr.projection.processor.enabled is false");
        }
        return projection;
    }

    private long head() {
        return bulkRebuild.storeHead();
    }

    /** Waits until every segment of the processor has reached {@code head}, failing on its error or after the timeout. */
    private void awaitCaughtUp(LiveProjection processor, long head) {
        if (head < 0) {
            return;
        }
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        while (true) {
            EventTrackerStatus failed = processor.failedSegment();
            if (failed != null) {
                throw new IllegalStateException("processor " + ProjectionConfiguration.PROCESSOR + " failed after the "
                        + "replay, at segment " + failed.getSegment().getSegmentId() + ": " + failed.getError(),
                        failed.getError());
            }
            long position = processor.position();
            if (position >= head) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processor " + ProjectionConfiguration.PROCESSOR + " did not reach the store's "
                        + "head #" + head + " within " + settings.catchUpTimeout() + " after the replay (at #" + position + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the processor to catch up", e);
            }
        }
    }

    /** Progress lines, at most one a second, and the caller's listener. */
    private static final class Progress implements ReplayListener {

        private final Consumer<String> out;
        private final ReplayListener listener;
        private final ApplicationEventPublisher publisher;
        private final long started = System.nanoTime();
        private long lastPrinted = System.nanoTime();

        Progress(Consumer<String> out, ReplayListener listener, ApplicationEventPublisher publisher) {
            this.out = out;
            this.listener = listener;
            this.publisher = publisher;
        }

        @Override
        public void started(String scope, boolean resumed, long position) {
            String what = scope.equals(BulkRebuild.ALL_RUNS) ? "every run" : "run " + scope;
            out.accept(resumed ? "replay of " + what + ": resuming an unfinished replay"
                    : "replay of " + what + ": projections dropped, rebuilding from the event store");
            ProjectionsChanged.announceNow(publisher);
            listener.started(scope, resumed, position);
        }

        @Override
        public void batchCommitted(long events, long position) {
            long now = System.nanoTime();
            if (now - lastPrinted >= 1_000_000_000L) {
                lastPrinted = now;
                long millis = Math.max(1, (now - started) / 1_000_000);
                out.accept(String.format(Locale.ROOT, "replay: %d events, at #%d, %d events/s", events, position,
                        events * 1000 / millis));
            }
            ProjectionsChanged.announceNow(publisher);
            listener.batchCommitted(events, position);
        }
    }
}
