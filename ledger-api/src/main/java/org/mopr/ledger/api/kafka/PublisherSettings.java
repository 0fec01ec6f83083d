package org.mopr.ledger.api.kafka;

import java.time.Duration;

/**
 * The publisher's tunables, checked at start-up.
 *
 * @param batchSize  events per unit of work of the publishing processor: sent, flushed and acknowledged
 *                   together before its token moves, so also the records held in memory at once
 * @param ackTimeout how long a batch waits for the broker's acknowledgements before it fails and is retried
 */
public record PublisherSettings(int batchSize, Duration ackTimeout) {

    public static final int MAX_BATCH_SIZE = 10_000;

    public PublisherSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("mopr.kafka.publisher.batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + ", got " + batchSize);
        }
        if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("mopr.kafka.publisher.ack-timeout must be a positive duration, got " + ackTimeout);
        }
    }
}
