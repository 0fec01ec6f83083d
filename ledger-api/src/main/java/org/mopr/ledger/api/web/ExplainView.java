package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.explain.ExplainedEvent;
import org.mopr.ledger.projection.explain.Explanation;
import org.mopr.ledger.projection.explain.ProvenanceView;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a figure is what it is: its parts by provenance (documented claims, a derivation rule, or a model with its
 * parameters and seed), a page of the events behind it, and the claims themselves with the passage and seed each
 * rests on, so a reader can go from a number on the page to the words in the source. As CSV: the events.
 */
public record ExplainView(String run, String figure, String description, boolean complete,
                          List<Part> parts, List<EventRow> events, int limit, int offset, boolean hasMore,
                          List<ClaimView> claims) implements CsvRows {

    /** At most this many claims are resolved into citations; a figure resting on more lists the rest by id. */
    static final int MAX_CLAIMS = 50;

    public record Part(String origin, List<String> claims, String rule, String parameters, Long seed, String placement,
                       long events, Money amount) {
    }

    public record EventRow(long globalIndex, String eventType, String aggregateId, long sequenceNumber, LocalDate on,
                           Money amount, String origin, List<String> claims, String rule) {
    }

    static ExplainView of(String run, String figure, Explanation e, Catalog catalog) {
        Set<String> claimIds = new LinkedHashSet<>();
        List<Part> parts = e.byProvenance().stream().map(c -> {
            ProvenanceView p = c.provenance();
            if (p != null) {
                claimIds.addAll(p.claims());
            }
            return p == null ? new Part(null, List.of(), null, null, null, null, c.events(), c.amount())
                    : new Part(p.origin(), p.claims(), p.rule(), p.parameters(), p.seed(), p.placement(), c.events(),
                    c.amount());
        }).toList();
        List<EventRow> events = e.events().items().stream().map(x -> {
            ProvenanceView p = x.provenance();
            if (p != null) {
                claimIds.addAll(p.claims());
            }
            return event(x);
        }).toList();
        List<ClaimView> claims = claimIds.stream().limit(MAX_CLAIMS).map(catalog::find)
                .flatMap(java.util.Optional::stream).map(ClaimView::of).toList();
        return new ExplainView(run, figure, e.figure(), e.complete(), parts, events, e.events().limit(),
                e.events().offset(), e.events().hasMore(), claims);
    }

    static EventRow event(ExplainedEvent x) {
        ProvenanceView p = x.provenance();
        return new EventRow(x.globalIndex(), x.eventType(), x.aggregateId(), x.sequenceNumber(), x.on(), x.amount(),
                p == null ? null : p.origin(), p == null ? List.of() : p.claims(), p == null ? null : p.rule());
    }

    @Override
    @JsonIgnore
    public List<?> csvRows() {
        return events;
    }
}
