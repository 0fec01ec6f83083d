package org.mopr.ledger.api.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands a run's rows, as the driver reads them, to one thread of its own that hashes and counts them in order, so
 * that PostgreSQL sends the next rows while the last ones are hashed: a run's read-back comes after its last event and
 * before its reconciliation, and with both on the reading thread the server and the hashing took turns. At most
 * {@link #CHUNKS_AHEAD} chunks of {@link #CHUNK} rows wait (a few MB of payloads); a failure on either side ends both.
 */
final class ReadBackLane implements AutoCloseable {

    record Row(String aggregateId, long sequence, String payloadType, byte[] payload) {
    }

    static final int CHUNK = 1_000;
    static final int CHUNKS_AHEAD = 4;
    private static final List<Row> END = List.of();

    private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread worker;
    private volatile Throwable failure;
    private List<Row> chunk = new ArrayList<>(CHUNK);
    private boolean finished;

    ReadBackLane(String name, Consumer<Row> consumer) {
        worker = new Thread(() -> {
            try {
                for (List<Row> rows = queue.take(); rows != END; rows = queue.take()) {
                    rows.forEach(consumer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        worker.setDaemon(true);
        worker.start();
    }

    void add(Row row) {
        chunk.add(row);
        if (chunk.size() == CHUNK) {
            hand(chunk);
            chunk = new ArrayList<>(CHUNK);
        }
    }

    /** Waits until every row handed is consumed; rethrows the consumer's failure. */
    void finish() {
        hand(chunk);
        hand(END);
        finished = true;
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a run back", e);
        }
        rethrow();
    }

    private void hand(List<Row> rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the read-back's hashing thread ended early");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a run back", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Stops the worker if the read ended before {@link #finish} (a failed query). */
    @Override
    public void close() {
        if (!finished) {
            worker.interrupt();
        }
    }
}
