package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mopr.ledger.api.web.ReconciliationReports;
import org.mopr.ledger.api.web.RunViews;
import org.mopr.ledger.projection.reconciliation.Basis;
import org.mopr.ledger.projection.reconciliation.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code mopr.reconciliation.lines{status, basis}}: how many documented claims of the latest complete historical run match,
 * mismatch, conflict, are incomplete or cannot be checked. An alert on MISMATCH rising catches a change that broke
 * the record. NaN until such a run exists. The report is cached per state of the run's projections
 * ({@link ReconciliationReports}); the latest run is looked up at most every {@link #MAX_AGE_MILLIS}.
 */
@Component
public class ReconciliationMetrics {

    public static final String NAME = "mopr.reconciliation.lines";
    static final long MAX_AGE_MILLIS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ReconciliationMetrics.class);

    private final RunViews runs;
    private final ReconciliationReports reports;
    private volatile Map<Basis, Map<Status, Long>> counts = Map.of();
    private volatile long takenAt;

    public ReconciliationMetrics(RunViews runs, ReconciliationReports reports, MeterRegistry registry) {
        this.runs = runs;
        this.reports = reports;
        for (Basis basis : Basis.values()) {
            for (Status status : Status.values()) {
                Gauge.builder(NAME, this, m -> m.count(basis, status))
                        .description("reconciliation lines of the latest complete historical run, by status and basis")
                        .tag("status", status.name()).tag("basis", basis.name()).register(registry);
            }
        }
    }

    double count(Basis basis, Status status) {
        Map<Status, Long> byStatus = current().get(basis);
        Long n = byStatus == null ? null : byStatus.get(status);
        return n == null ? Double.NaN : n;
    }

    private synchronized Map<Basis, Map<Status, Long>> current() {
        if (System.currentTimeMillis() - takenAt > MAX_AGE_MILLIS) {
            counts = take();
            takenAt = System.currentTimeMillis();
        }
        return counts;
    }

    private Map<Basis, Map<Status, Long>> take() {
        try {
            return runs.latestHistorical()
                    .map(run -> (Map<Basis, Map<Status, Long>>) new EnumMap<>(reports.of(run.runId()).countByBasis()))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            // A scrape must not fail on a store that is briefly away; the gauges show NaN until it answers.
            log.debug("cannot reconcile the latest historical run: {}", e.getMessage());
            return Map.of();
        }
    }
}
