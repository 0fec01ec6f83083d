package org.mopr.ledger.projection.export;

/** What the data package says about the ensemble whose bands it exports. */
public record ExportEnsemble(String ensembleId, String scenario, long seed, int members, int membersDone, String vary,
                             String assumptions, String status, Boolean totalsExact, String totalsNote) {
}
