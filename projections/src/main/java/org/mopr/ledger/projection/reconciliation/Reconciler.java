package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.CompileRules;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks every documented claim against what a run computes. Text claims state no figure and are not assertions;
 * everything else comes out MATCH, MISMATCH, CONFLICT, INCOMPLETE or UNCHECKABLE, with the claim's citation and,
 * for a conflict, the other side's too. Every line carries its {@link Basis}, worked out from the run's provenance.
 */
public final class Reconciler {

    /** Checks whose figures are quantities, so a relative error means something. */
    private static final Set<String> QUANTITIES = Set.of("TOTAL", "CENSUS", "COUNT_AT", "COMPOSITION", "GOODS", "BOUND",
            "CROSS");

    private final JdbcTemplate jdbc;
    private final Catalog catalog;

    public Reconciler(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Reconciliation reconcile(String runId) {
        return reconcile(new StoredRunFacts(jdbc, runId));
    }

    /** The reconciliation of whatever the facts describe: a stored run, or a plan folded in memory. */
    public Reconciliation reconcile(RunFacts facts) {
        Bases bases = new Bases(catalog, facts);
        List<Line> lines = new ArrayList<>();
        for (Claim c : catalog.claims()) {
            if (c.kind() == ClaimKind.TEXT) {
                continue;
            }
            for (Line line : check(c, facts)) {
                lines.add(finish(c, line, facts, bases));
            }
        }
        lines.addAll(CrossChecks.evaluate(catalog, facts, bases, java.util.Map.of()));
        return new Reconciliation(facts.run(), lines);
    }

    /** Each held-out claim against what a run compiled without it gives (see {@link HoldOuts}). */
    public List<Line> holdOut(RunFacts heldOutRun, java.util.Collection<String> claimIds) {
        return HoldOuts.lines(reconcile(heldOutRun), claimIds);
    }

    /**
     * The catalog's claim-against-claim checks alone, with some claims' figures or dates replaced (claim id to a
     * number or an ISO day): a what-if that shows each check can fail.
     */
    public List<Line> crossChecks(RunFacts facts, java.util.Map<String, String> whatIf) {
        return CrossChecks.evaluate(catalog, facts, new Bases(catalog, facts), whatIf);
    }

    private List<Line> check(Claim c, RunFacts facts) {
        if (!c.inScope()) {
            return List.of(Checks.uncheckable(c, c.kind().name(), "out of scope: " + c.outOfScope()));
        }
        return switch (c.kind()) {
            case MONEY -> MoneyChecks.check(c, facts);
            case COUNT -> List.of(CountChecks.check(c, facts, catalog));
            case GOODS -> List.of(RecordChecks.goods(c, facts));
            case DATE -> List.of(RecordChecks.date(c, facts));
            case LINK -> List.of(RecordChecks.link(c, facts));
            case TEXT -> List.of();
        };
    }

    /**
     * A claim the run set aside is not a failure of the ledger: the reason replaces a bare mismatch. A claim
     * in conflict with another is flagged CONFLICT, because the sources must be read first; the ledger's own
     * comparison stays beside the flag ({@code computed}), never hidden by it.
     */
    private Line finish(Claim c, Line line, RunFacts facts, Bases bases) {
        Status status = line.status();
        String reason = line.reason();
        Optional<String> aside = facts.setAside(c.id());
        // A claim a scenario's own rules book shows in the run's provenance although the shipped rules do not book it.
        java.util.Set<String> cited = bases.cited();
        boolean computedFigure = Checks.computesAFigure(line);
        if (aside.isPresent() && aside.get().startsWith(CompileRules.unbooked(c))) {
            // The scenario's own rules book no claim of this kind and subject: that is the reason, whatever else holds.
            status = Status.UNCHECKABLE;
            reason = aside.get();
        } else if (aside.isPresent() && status != Status.MATCH && !computedFigure) {
            status = Status.UNCHECKABLE;
            reason = "set aside by the scenario: " + aside.get();
        } else if (aside.isPresent() && status != Status.MATCH) {
            // The run did not book the claim, but the ledger still computes the figure it is checked against.
            reason = reason + "; the claim itself is set aside by the scenario: " + aside.get();
        }
        if (c.inScope() && aside.isEmpty() && (status == Status.UNCHECKABLE || status == Status.MISMATCH)
                && CompileRules.historical().ruleFor(c).isEmpty() && !cited.contains(c.id())) {
            // Nothing in the run was built from the claim because no rule books its kind and subject: say so first,
            // then what the ledger could (not) compare it with.
            reason = CompileRules.unbooked(c) + (status == Status.UNCHECKABLE ? "; " + reason : "");
            status = Status.UNCHECKABLE;
        }
        Status computed = status;
        List<Line.Citation> citations = new ArrayList<>();
        citations.add(new Line.Citation(c.id(), c.source(), c.quote()));
        List<String> disputes = c.conflictsWith().stream().filter(other -> contradicts(c.id(), other)).toList();
        if (disputes.isEmpty() && !c.conflictsWith().isEmpty() && c.inScope()) {
            // A count the affiliates table allows but cannot confirm is not a disagreement: the computed comparison
            // (INCOMPLETE with the range, or MISMATCH outside it) stands, with the catalog's note.
            reason = reason + "; " + conflictNoteOfTwin(c);
        }
        if (!disputes.isEmpty() && c.inScope()) {
            status = Status.CONFLICT;
            reason = (c.conflictNote() != null ? c.conflictNote() : conflictNoteOfTwin(c)) + " [ledger: " + computed
                    + ", " + reason + "]";
            for (String other : disputes) {
                Claim twin = catalog.get(other);
                citations.add(new Line.Citation(twin.id(), twin.source(), twin.quote()));
            }
        }
        Basis basis = bases.of(line.check(), List.of(c.id()));
        return new Line(line.claimId(), line.check(), status, basis, computed, line.expected(), line.actual(),
                line.difference(), relativeError(line), reason, citations, disputes);
    }

    /** Whether two claims are a contradiction between passages (not a count the table cannot account for). */
    private boolean contradicts(String a, String b) {
        return catalog.conflicts().stream().anyMatch(x -> x.type() == org.mopr.ledger.catalog.Conflict.Type.CONTRADICTION
                && (x.first().equals(a) && x.second().equals(b) || x.first().equals(b) && x.second().equals(a)));
    }

    /** |difference| / |expected| when both start with a number, to four decimals. */
    static String relativeError(Line line) {
        if (!QUANTITIES.contains(line.check()) || line.difference() == null || line.expected() == null) {
            return null;
        }
        BigDecimal difference = number(line.difference());
        BigDecimal expected = number(line.expected());
        if (difference == null || expected == null || expected.signum() == 0) {
            return null;
        }
        return difference.abs().divide(expected.abs(), 4, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal number(String text) {
        String first = text.trim().split("\\s+")[0].replace(",", "");
        try {
            return new BigDecimal(first.startsWith("+") ? first.substring(1) : first);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String conflictNoteOfTwin(Claim c) {
        if (c.conflictNote() != null) {
            return c.conflictNote();
        }
        return c.conflictsWith().stream().map(catalog::get).map(Claim::conflictNote).filter(n -> n != null)
                .findFirst().orElse("the sources disagree");
    }
}
