package org.mopr.ledger.projection.explain;

import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Page;

import java.util.List;

/**
 * Why a figure is what it is: its parts grouped by provenance (how many events and how much each source, rule or
 * model contributed; {@code complete} is false when there were more groups than a page holds) and a page of the
 * events themselves.
 */
public record Explanation(String figure, List<Contribution> byProvenance, boolean complete, Page<ExplainedEvent> events) {

    /** What the events of one provenance contributed: their number and (for money) their sum. */
    public record Contribution(ProvenanceView provenance, long events, Money amount) {
    }
}
