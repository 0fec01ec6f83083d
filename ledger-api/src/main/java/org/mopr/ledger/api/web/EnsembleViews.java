package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.projection.ensemble.EnsembleComparison;
import org.mopr.ledger.shared.DomainException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two ensembles compared, as both {@code /api/ensembles/compare} and {@code /api/compare} (given two ensembles)
 * answer it: per figure the band of b - a member by member, and whether b's p50 lies outside a's p5..p95.
 */
@Component
public class EnsembleViews {

    /** b - a member by member, and whether b's p50 lies outside a's p5..p95. */
    @Schema(name = "DifferenceView", description = "One figure of two ensembles: a's band, b's p50, the band of b - a "
            + "member by member, and whether b's p50 lies outside a's p5..p95")
    public record DifferenceView(
            @Schema(description = "The figure key", example = "aid/IT/XRG") String figure,
            @Schema(description = "The currency of a money figure, else members or sections", example = "XRG")
            String unit,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object baseP5,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object baseP50,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object baseP95,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object otherP50,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object differenceP5,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object differenceP50,
            @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object differenceP95,
            @Schema(description = "Whether b's p50 lies outside a's p5..p95: an effect beyond the base's own spread")
            boolean outsideBaseBand) {
    }

    private final EnsembleService ensembles;

    public EnsembleViews(EnsembleService ensembles) {
        this.ensembles = ensembles;
    }

    /** Whether the id names an ensemble (and not a run). */
    public boolean isEnsemble(String id) {
        return id != null && !id.isBlank() && ensembles.store().find(id.trim()).isPresent();
    }

    public Listing<DifferenceView> compare(String a, String b, String figure, String limit, String offset) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            throw ApiProblem.badParameter("a and b must name two ensembles, e.g. a=historical-s1922-x20&b=ban-italy-1923-s1922-x20");
        }
        String base = a.trim();
        String other = b.trim();
        String prefix = figure == null ? "" : figure.trim();
        var page = Params.page(limit, offset);
        for (String id : List.of(base, other)) {
            ensembles.store().find(id).orElseThrow(() -> EnsembleReads.unknown(id));
        }
        List<EnsembleComparison.FigureDifference> diff;
        try {
            diff = ensembles.compare(base, other, prefix);
        } catch (DomainException e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        Map<String, String> units = new LinkedHashMap<>();
        ensembles.store().bands(base, prefix).forEach(r -> units.put(r.figure(),
                r.currency() == null ? r.unit() : r.currency()));
        ensembles.store().bands(other, prefix).forEach(r -> units.putIfAbsent(r.figure(),
                r.currency() == null ? r.unit() : r.currency()));
        List<DifferenceView> views = diff.stream().map(d -> {
            String unit = units.getOrDefault(d.figure(), "");
            return new DifferenceView(d.figure(), unit, EnsembleReads.value(d.base().p5(), unit),
                    EnsembleReads.value(d.base().p50(), unit), EnsembleReads.value(d.base().p95(), unit),
                    EnsembleReads.value(d.other().p50(), unit), EnsembleReads.value(d.difference().p5(), unit),
                    EnsembleReads.value(d.difference().p50(), unit), EnsembleReads.value(d.difference().p95(), unit),
                    d.outsideBaseBand());
        }).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("base", base);
        summary.put("other", other);
        summary.put("outsideBaseBand", views.stream().filter(DifferenceView::outsideBaseBand).count());
        return Listing.of(null, summary, Page.slice(views, page));
    }
}
