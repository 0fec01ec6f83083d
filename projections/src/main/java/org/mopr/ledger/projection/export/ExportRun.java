package org.mopr.ledger.projection.export;

/** What the data package says about the run it exports. */
public record ExportRun(String runId, String scenario, long seed, long events, String fingerprint) {
}
