package org.mopr.ledger.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.query.ProjectionProgress;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Reconciliations for the API and the metrics, computed once per state of a run's projections: the key holds the
 * last projected event of the run, so a report made while the projections were still catching up is not served
 * after they have.
 */
@Component
public class ReconciliationReports {

    private final ReconciliationService reconciliations;
    private final ProjectionProgress progress;
    private final Cache<String, Reconciliation> cache = Caffeine.newBuilder()
            .maximumSize(16).expireAfterWrite(Duration.ofMinutes(30)).build();

    public ReconciliationReports(ReconciliationService reconciliations, ProjectionQueries queries) {
        this.reconciliations = reconciliations;
        this.progress = queries.progress();
    }

    public Reconciliation of(String runId) {
        String last = progress.lastProjected(runId).stream().mapToObj(Long::toString).findFirst().orElse("none");
        return cache.get(runId + "#" + last, k -> reconciliations.of(runId));
    }

    public void evict(String runId) {
        cache.asMap().keySet().removeIf(k -> k.startsWith(runId + "#"));
    }
}
