package org.mopr.ledger.api.projection;

import java.time.Duration;

/**
 * The projection's tunables as the engine uses them, from {@link ProjectionProperties} (where their defaults and
 * bounds are, checked at start-up).
 *
 * @param batchSize        events per unit of work of the live processor (one transaction with the token)
 * @param segments         segments of the processor when its tokens are first created
 * @param replayBatchSize  events per page (and transaction) of the bulk replay
 * @param claimWait        how long a replay waits for a stopped process's claim on the tokens to expire
 * @param catchUpTimeout   how long a replay waits for the processor to reach the store's head after the handover
 * @param paging           when live projection pages a backlog instead of following it event by event
 */
public record ProjectionSettings(int batchSize, int segments, int replayBatchSize, Duration claimWait,
                                 Duration catchUpTimeout, ProjectionProperties.Paging paging) {
}
