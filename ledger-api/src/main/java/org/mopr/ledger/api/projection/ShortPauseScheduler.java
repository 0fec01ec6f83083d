package org.mopr.ledger.api.projection;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final long pauseNanos;

    ShortPauseScheduler(String processor, Duration pause) {
        super(1, runnable -> {
            Thread thread = new Thread(runnable, "Coordinator[" + processor + "]-" + COUNT.incrementAndGet());
            // Daemon: like Axon's own coordinator thread it must never keep a JVM alive once the context is closed.
            thread.setDaemon(true);
            return thread;
        });
        this.pauseNanos = pause.toNanos();
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return super.schedule(command, shorten(delay, unit), TimeUnit.NANOSECONDS);
    }

    private long shorten(long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        return nanos > 0 && nanos <= LONGEST_PAUSE_NANOS ? Math.min(nanos, pauseNanos) : nanos;
    }
}
