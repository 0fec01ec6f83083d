package org.mopr.ledger.api.kafka;

import org.mopr.ledger.projection.partition.PartitionFeed;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The worker's writing thread: one prepared poll is written (its transaction, rows and offsets) while the consumer's
 * thread fetches, decodes and folds the next one, so the JVM's half of the work overlaps PostgreSQL's as in the bulk
 * replay. At most one write is in flight; the consumer's thread waits for it ({@link #settle}) before it hands over
 * the next, before partitions move in a rebalance, and when it stops, so a batch always commits or rolls back before
 * anything that depends on it.
 */
final class WriteAhead implements AutoCloseable {

    /** What the write in flight came to: nothing was in flight, it committed, or it rolled back (with why). */
    record Settled(boolean failed, RuntimeException failure) {
        static final Settled OK = new Settled(false, null);
    }

    private final BatchApplier applier;
    private final WorkerMetrics metrics;
    private final ExecutorService thread;
    private Future<?> inFlight;
    private volatile int inFlightRecords;

    WriteAhead(BatchApplier applier, WorkerMetrics metrics, String group) {
        this.applier = applier;
        this.metrics = metrics;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mopr-kafka-worker-write-" + group);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts writing {@code prepared}; the write before it must have been settled. */
    synchronized void submit(PartitionFeed.Prepared prepared) {
        if (inFlight != null) {
            throw new IllegalStateException("a batch is still being written: settle it first");
        }
        inFlightRecords = prepared.records();
        inFlight = thread.submit(() -> metrics.committed(applier.write(prepared)));
    }

    /**
     * Waits for the write in flight. A write that rolled back is reported, not thrown: its records are gone from the
     * consumer's hands, and only the caller can move the consumer back to the stored offsets. An {@link Error}
     * (the write's thread is in no state to go on) is rethrown.
     */
    synchronized Settled settle() {
        Future<?> waiting = inFlight;
        if (waiting == null) {
            return Settled.OK;
        }
        try {
            waiting.get();
            return Settled.OK;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            RuntimeException failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            return new Settled(true, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The write goes on; whoever settles next waits for it.
            throw new IllegalStateException("interrupted while a batch was being written", e);
        } finally {
            if (waiting.isDone()) {
                inFlight = null;
                inFlightRecords = 0;
            }
        }
    }

    /** Records handed to the writing thread and not yet committed (part of the lag). */
    int inFlightRecords() {
        return inFlightRecords;
    }

    /** Lets a write in flight finish (or roll back), then ends the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
