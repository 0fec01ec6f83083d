package org.mopr.ledger.api.ensemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs an ensemble's members on {@code writers} threads and hands each result to the calling thread in member
 * order. Members are independent runs, so while one waits for PostgreSQL another compiles, sends or folds. A
 * member is taken only after {@code stop} is asked (in member order, one at a time), and at most twice as many
 * members as writers are ahead of the one the caller waits for, so results held out of order stay few. A stop or a
 * failure takes no new member and lets those under way finish; the caller gets every member before the first
 * failed one, in order, then the failure. Members finished after a failed one are not handed over: their runs stay
 * in the store, registered under the ensemble, but the ensemble keeps the unbroken prefix it can band.
 */
final class MemberPool {

    /** Asked to stop between members: not an error of the ensemble's own. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the user", null, false, false);
        }
    }

    private record Outcome<R>(int member, R result, RuntimeException failure) {
    }

    private final int writers;
    private final int members;
    private final BooleanSupplier stop;
    private final int window;
    private int next;
    private int delivered;
    private boolean closed;
    private boolean stopped;

    MemberPool(int writers, int members, BooleanSupplier stop) {
        this.writers = Math.max(1, Math.min(writers, members));
        this.members = members;
        this.stop = stop;
        this.window = 2 * this.writers;
    }

    /**
     * Runs {@code work} for every member (0-based) and gives the results to {@code done} on this thread, in order.
     * Throws {@link Stopped} after a stop, the first failure otherwise (after {@code done} saw every member before it).
     */
    <R> void run(IntFunction<R> work, Consumer<R> done) {
        BlockingQueue<Outcome<R>> finished = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                int member;
                while ((member = take()) >= 0) {
                    try {
                        finished.add(new Outcome<>(member, work.apply(member), null));
                    } catch (RuntimeException e) {
                        close();
                        finished.add(new Outcome<>(member, null, e));
                    } catch (Error e) {
                        close();
                        finished.add(new Outcome<>(member, null, new IllegalStateException(e.toString(), e)));
                    }
                }
            }, "ensemble-member-" + w);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Map<Integer, Outcome<R>> ahead = new HashMap<>();
        RuntimeException failure = null;
        int failedAt = Integer.MAX_VALUE;
        try {
            while (true) {
                Outcome<R> o = ahead.remove(delivered());
                if (o != null) {
                    done.accept(o.result());
                    delivered(o.member() + 1);
                    continue;
                }
                // Threads first: once none is alive, everything they finished is in the queue.
                if (threads.stream().noneMatch(Thread::isAlive) && finished.isEmpty()) {
                    break;
                }
                Outcome<R> polled = finished.poll(100, TimeUnit.MILLISECONDS);
                if (polled == null) {
                    continue;
                }
                if (polled.failure() != null) {
                    if (polled.member() < failedAt) {
                        failure = polled.failure();
                        failedAt = polled.member();
                    }
                } else if (polled.member() < failedAt) {
                    ahead.put(polled.member(), polled);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the ensemble's members", e);
        } catch (RuntimeException e) {
            close();
            join(threads);
            throw e;
        }
        join(threads);
        if (failure != null) {
            throw failure;
        }
        if (stopped()) {
            throw new Stopped();
        }
    }

    /** The next member to run, or -1: all taken, stopped, failed, or too far ahead (then it waits). */
    private synchronized int take() {
        while (!closed && next < members && next >= delivered + window) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        if (closed || next >= members) {
            return -1;
        }
        if (stop.getAsBoolean()) {
            stopped = true;
            closed = true;
            return -1;
        }
        return next++;
    }

    private synchronized int delivered() {
        return delivered;
    }

    private synchronized void delivered(int count) {
        delivered = count;
        notifyAll();
    }

    private synchronized boolean stopped() {
        return stopped;
    }

    private synchronized void close() {
        closed = true;
        notifyAll();
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
