package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.compare.RunComparison;
import org.mopr.ledger.projection.reconciliation.Basis;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.Status;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The reconciliation of a run against the catalog, and the comparison of two runs. */
@RestController
@RequestMapping("/api")
@Tag(name = "reconciliation", description = "Documented claims checked against the projections; two runs compared")
public class ReconciliationController {

    /** A reconciliation line with its own citation in columns of their own (for CSV), and every citation. */
    public record LineRow(String claimId, String check, String status, String basis, String computed, String expected,
                          String actual, String difference, String relativeError, String reason, String source,
                          String quote, List<String> conflictsWith, List<Line.Citation> citations) {

        static LineRow of(Line l) {
            Line.Citation own = l.citations().isEmpty() ? null : l.citations().get(0);
            return new LineRow(l.claimId(), l.check(), l.status().name(), l.basis().name(), l.computed().name(),
                    l.expected(), l.actual(), l.difference(), l.relativeError(), l.reason(),
                    own == null ? null : own.source(), own == null ? null : own.quote(), l.conflictsWith(),
                    l.citations());
        }
    }

    private final RunViews runs;
    private final ReconciliationReports reports;
    private final RunComparison comparison;
    private final EnsembleViews ensembles;

    public ReconciliationController(RunViews runs, ReconciliationReports reports, RunComparison comparison,
                                    EnsembleViews ensembles) {
        this.ensembles = ensembles;
        this.runs = runs;
        this.reports = reports;
        this.comparison = comparison;
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Every documented claim checked against the run: MATCH, MISMATCH, CONFLICT, INCOMPLETE or "
            + "UNCHECKABLE with the reason and the citation, and its basis (ROUND_TRIP, CONSERVATION, INDEPENDENT: what a "
            + "MATCH on it proves); status, basis and check filter the lines")
    public Listing<LineRow> reconciliation(@RequestParam(required = false) String run,
                                           @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String check,
                                           @RequestParam(required = false) String basis,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        var page = Params.page(limit, offset);
        Status only = Params.choice("status", status, Status.class, null);
        Basis onBasis = Params.choice("basis", basis, Basis.class, null);
        Reconciliation r = reports.of(runId);
        Stream<Line> lines = r.lines().stream();
        if (only != null) {
            lines = lines.filter(l -> l.status() == only);
        }
        if (onBasis != null) {
            lines = lines.filter(l -> l.basis() == onBasis);
        }
        if (check != null && !check.isBlank()) {
            String c = check.trim().toUpperCase(Locale.ROOT);
            lines = lines.filter(l -> l.check().equals(c));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("lines", r.lines().size());
        summary.put("byStatus", r.countByStatus());
        summary.put("byBasis", r.countByBasis());
        return Listing.of(runId, summary, Page.slice(lines.map(LineRow::of).toList(), page));
    }

    @GetMapping("/compare")
    @Operation(summary = "What differs between runs a and b, figure by figure (paged), and which reconciliation "
            + "lines change status or figure. Given two ensembles, it answers as /api/ensembles/compare: per figure the "
            + "band of b - a and whether b's p50 lies outside a's p5..p95")
    @ApiResponse(responseCode = "200", description = "Two runs' changes, or two ensembles' differences",
            content = @Content(schema = @Schema(oneOf = {ListingSchemas.Changes.class, ListingSchemas.Differences.class})))
    public Listing<?> compare(@RequestParam(required = false) String a,
                              @RequestParam(required = false) String b,
                              @RequestParam(required = false) String figure,
                              @RequestParam(required = false) String limit,
                              @RequestParam(required = false) String offset) {
        boolean ensembleA = ensembles.isEnsemble(a);
        boolean ensembleB = ensembles.isEnsemble(b);
        if (ensembleA && ensembleB) {
            return ensembles.compare(a, b, figure, limit, offset);
        }
        if (ensembleA || ensembleB) {
            throw ApiProblem.badParameter("a and b must be two runs or two ensembles: " + (ensembleA ? "a=" + a.trim()
                    : "b=" + b.trim()) + " is an ensemble, " + (ensembleA ? "b=" + b : "a=" + a) + " is not");
        }
        if (figure != null && !figure.isBlank()) {
            throw ApiProblem.badParameter("figure applies to two ensembles only; two runs are compared whole");
        }
        String runA = runs.resolveId(Params.required("a", a));
        String runB = runs.resolveId(Params.required("b", b));
        var page = Params.page(limit, offset);
        RunComparison.Comparison c = comparison.compare(runA, runB);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("a", runA);
        summary.put("b", runB);
        summary.put("figuresCompared", c.figuresCompared());
        summary.put("figuresChanged", c.figures().size());
        summary.put("reconciliationChanges", c.reconciliation());
        return Listing.of(null, summary, Page.slice(c.figures(), page));
    }
}
