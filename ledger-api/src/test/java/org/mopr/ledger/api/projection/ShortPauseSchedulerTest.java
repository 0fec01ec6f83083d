package org.mopr.ledger.api.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's pauses: a full buffer's cut short, an idle stream's held to the idle pause unless a commit wakes
 * it (never longer than Axon's own pause).
 */
class ShortPauseSchedulerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aFullBuffersPauseIsCutShort() throws Exception {
        ShortPauseScheduler scheduler = new ShortPauseScheduler("test", Duration.ofMillis(5), MINUTE);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.schedule(ran::countDown, 100, TimeUnit.MILLISECONDS);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void anIdlePauseLastsUntilACommitWakesTheCoordinator() throws Exception {
        ShortPauseScheduler scheduler = new ShortPauseScheduler("test", Duration.ofMillis(5), MINUTE);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            ScheduledFuture<?> pending = scheduler.schedule(ran::countDown, 500, TimeUnit.MILLISECONDS);
            // Axon's 500 ms is not cut to the 5 ms pause: it is an idle stream's, held to the idle pause.
            assertThat(ran.await(100, TimeUnit.MILLISECONDS)).isFalse();
            scheduler.wake();
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            // It ran because the commit brought it forward: the run Axon scheduled was called off.
            assertThat(pending.isCancelled()).isTrue();
            assertThat(scheduler.getQueue()).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aWakeWithNothingWaitingRunsNothingAndAnErrorsBackOffStays() throws Exception {
        ShortPauseScheduler scheduler = new ShortPauseScheduler("test", Duration.ofMillis(5), Duration.ofMillis(5));
        try {
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.wake();
            scheduler.schedule(ran::countDown, 2, TimeUnit.SECONDS);
            scheduler.wake();
            assertThat(ran.await(500, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(scheduler.getQueue()).hasSize(1);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
