package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One page of events handed to the producer, as the callback of each of its records: done when the broker has
 * answered for every record. The publisher keeps the pages in the order it sent them and moves its position only
 * past pages whose every record was acknowledged.
 */
final class SentPage implements Callback {

    private final long[] indexes;
    private final long sentAt = System.nanoTime();
    private final CountDownLatch unanswered;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private int added;

    SentPage(int size) {
        this.indexes = new long[size];
        this.unanswered = new CountDownLatch(size);
    }

    /** Records {@code globalIndex} as the next record of the page; call before sending it. */
    void add(long globalIndex) {
        indexes[added++] = globalIndex;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failure.compareAndSet(null, exception);
        }
        unanswered.countDown();
    }

    boolean isDone() {
        return unanswered.getCount() == 0;
    }

    /** Waits at most {@code millis} for the page to be answered; true when it is. */
    boolean await(long millis) throws InterruptedException {
        return unanswered.await(millis, TimeUnit.MILLISECONDS);
    }

    long sentAt() {
        return sentAt;
    }

    /** The broker's error for one of the records, or null. */
    Exception failure() {
        return failure.get();
    }

    int size() {
        return indexes.length;
    }

    long last() {
        return indexes[indexes.length - 1];
    }

    List<Long> globalIndexes() {
        return Arrays.stream(indexes).boxed().toList();
    }
}
