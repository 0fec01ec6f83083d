package org.mopr.ledger.api.run;

import java.time.OffsetDateTime;

/** A run as listed: ISO timestamps, and DELETED where the registry says FAILED because of a deletion. */
public record RunView(String runId, String scenario, long seed, String status, long events, String fingerprint,
                      String failure, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
