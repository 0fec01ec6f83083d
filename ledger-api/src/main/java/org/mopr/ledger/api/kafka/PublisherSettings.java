package org.mopr.ledger.api.kafka;

import java.time.Duration;

/**
 * The publisher's tunables, checked at start-up. Together they bound what it holds: at most
 * {@code batchSize * maxInFlightBatches} records sent and not yet acknowledged, each page's rows until it is sent.
 *
 * @param batchSize          events read from the event table per page, sent together and acknowledged together
 *                           before the position may move past them
 * @param ackTimeout         how long a page waits for the broker's acknowledgements before the publisher fails and
 *                           publishes again from its stored position
 * @param gapTimeout         how long a hole in the global index is waited for before it is taken for a rolled-back
 *                           transaction and passed (Holes)
 * @param maxInFlightBatches pages sent and not yet acknowledged at once: reading and sending the next page overlaps
 *                           the broker's work on the ones before
 */
public record PublisherSettings(int batchSize, Duration ackTimeout, Duration gapTimeout, int maxInFlightBatches) {

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_IN_FLIGHT_BATCHES = 16;

    public PublisherSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("mopr.kafka.publisher.batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + ", got " + batchSize);
        }
        if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("mopr.kafka.publisher.ack-timeout must be a positive duration, got " + ackTimeout);
        }
        if (gapTimeout == null || gapTimeout.isNegative()) {
            throw new IllegalArgumentException("mopr.kafka.publisher.gap-timeout must not be negative, got " + gapTimeout);
        }
        if (maxInFlightBatches < 1 || maxInFlightBatches > MAX_IN_FLIGHT_BATCHES) {
            throw new IllegalArgumentException("mopr.kafka.publisher.max-in-flight-batches must be between 1 and "
                    + MAX_IN_FLIGHT_BATCHES + ", got " + maxInFlightBatches);
        }
    }
}
