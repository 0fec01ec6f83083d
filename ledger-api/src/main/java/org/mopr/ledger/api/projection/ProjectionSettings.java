package org.mopr.ledger.api.projection;

import java.time.Duration;

/**
 * The projection's tunables, checked at startup: batches bound memory (a batch of events and its rows are held
 * until they are written), and a wrong setting should stop the application with its name, not slow it silently.
 *
 * @param batchSize        events per unit of work of the live processor (one transaction with the token)
 * @param segments         segments of the processor when its tokens are first created
 * @param replayBatchSize  events per page (and transaction) of the bulk replay
 * @param claimWait        how long a replay waits for a stopped process's claim on the tokens to expire
 * @param catchUpTimeout   how long a replay waits for the processor to reach the store's head after the handover
 */
public record ProjectionSettings(int batchSize, int segments, int replayBatchSize, Duration claimWait,
                                 Duration catchUpTimeout) {

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_SEGMENTS = 16;
    public static final int MAX_REPLAY_BATCH_SIZE = 50_000;

    public ProjectionSettings {
        require("mopr.projection.batch-size", batchSize, MAX_BATCH_SIZE);
        require("mopr.projection.segments", segments, MAX_SEGMENTS);
        require("mopr.projection.replay.batch-size", replayBatchSize, MAX_REPLAY_BATCH_SIZE);
        if (claimWait == null || claimWait.isNegative()) {
            throw new IllegalArgumentException("mopr.projection.replay.claim-wait must be a duration of zero or more, got " + claimWait);
        }
        if (catchUpTimeout == null || catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
            throw new IllegalArgumentException("mopr.projection.replay.catch-up-timeout must be a positive duration, got "
                    + catchUpTimeout);
        }
    }

    private static void require(String property, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(property + " must be between 1 and " + max + ", got " + value);
        }
    }
}
