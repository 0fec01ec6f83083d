package org.mopr.ledger.api.projection;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pooled processor's coordinator thread, with its short pauses cut to {@code pause}.
 *
 * <p>Axon 4.13's coordinator reschedules itself with fixed delays it does not let anyone interrupt: 100 ms when its
 * work package's 1,024-event buffer is full, and 500 ms when it found no new event in a stream that cannot call it
 * back (the JDBC event store's cannot). So a processor whose worker writes a batch of 1,000 in 30-60 ms sat idle
 * for the rest of each 100 ms (live projection was held to about 13,500 events/s); an event stored while it was
 * idle waited up to 500 ms to be seen; and a stop, which only asks for an immediate run that those pending delays
 * swallow, took up to 500 ms. Every delay below one second is one of those two pauses; the coordinator's error
 * back-off starts at one second and doubles, and stays as Axon schedules it. A pause of a few milliseconds costs a
 * check of the buffer and of the stream's in-memory head, nothing that reaches the database.
 */
final class ShortPauseScheduler extends ScheduledThreadPoolExecutor {

    /** Axon's error back-off starts at 1,000 ms; anything shorter is a buffer-full or idle pause. */
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(999).toNanos();
    /** Axon pauses 100 ms on a full buffer and 500 ms on an idle stream. */
    private static final long BUFFER_FULL_NANOS = Duration.ofMillis(100).toNanos();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final long pauseNanos;
    private final long idlePauseNanos;
    /** The coordinator's run waiting out an idle pause, which a commit may bring forward. */
    private final AtomicReference<Idle> idle = new AtomicReference<>();

    private record Idle(Runnable command, ScheduledFuture<?> future) {
    }

    ShortPauseScheduler(String processor, Duration pause, Duration idlePause) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "Coordinator[" + processor + "]-" + COUNT.incrementAndGet());
            // Daemon: like Axon's own coordinator thread it must never keep a JVM alive once the context is closed.
            thread.setDaemon(true);
            return thread;
        });
        this.pauseNanos = pause.toNanos();
        this.idlePauseNanos = idlePause.toNanos();
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos > BUFFER_FULL_NANOS && nanos <= LONGEST_PAUSE_NANOS) {
            ScheduledFuture<?> future = super.schedule(command, Math.min(nanos, idlePauseNanos), TimeUnit.NANOSECONDS);
            idle.set(new Idle(command, future));
            return future;
        }
        long shortened = nanos > 0 && nanos <= LONGEST_PAUSE_NANOS ? Math.min(nanos, pauseNanos) : nanos;
        return super.schedule(command, shortened, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs the coordinator now if it is waiting out an idle pause. The same run, only earlier: Axon's coordinator
     * allows one pending run, and this one was it. Cheap enough for a committing thread.
     */
    void wake() {
        Idle waiting = idle.getAndSet(null);
        if (waiting != null && waiting.future().cancel(false) && !isShutdown()) {
            super.schedule(waiting.command(), 0, TimeUnit.NANOSECONDS);
        }
    }
}
