package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every documented claim against what the projections compute for one run. Text claims state no
 * figure and are not assertions; everything else comes out MATCH, MISMATCH, CONFLICT, INCOMPLETE or
 * UNCHECKABLE, with the claim's citation and, for a conflict, the other side's too.
 */
public final class Reconciler {

    private final JdbcTemplate jdbc;
    private final Catalog catalog;

    public Reconciler(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public Reconciliation reconcile(String runId) {
        RunFacts facts = new RunFacts(jdbc, runId);
        List<Line> lines = new ArrayList<>();
        for (Claim c : catalog.claims()) {
            if (c.kind() == ClaimKind.TEXT) {
                continue;
            }
            for (Line line : check(c, facts)) {
                lines.add(finish(c, line, facts));
            }
        }
        return new Reconciliation(runId, lines);
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
     * in conflict with another is a CONFLICT whatever the figures say, because the sources must be read first.
     */
    private Line finish(Claim c, Line line, RunFacts facts) {
        Status status = line.status();
        String reason = line.reason();
        Optional<String> aside = facts.setAside(c.id());
        if (aside.isPresent() && status != Status.MATCH) {
            status = Status.UNCHECKABLE;
            reason = "set aside by the scenario: " + aside.get();
        }
        List<Line.Citation> citations = new ArrayList<>();
        citations.add(new Line.Citation(c.id(), c.source(), c.quote()));
        if (!c.conflictsWith().isEmpty() && c.inScope()) {
            status = Status.CONFLICT;
            reason = (c.conflictNote() != null ? c.conflictNote() : conflictNoteOfTwin(c)) + " [ledger: " + reason + "]";
            for (String other : c.conflictsWith()) {
                Claim twin = catalog.get(other);
                citations.add(new Line.Citation(twin.id(), twin.source(), twin.quote()));
            }
        }
        return new Line(line.claimId(), line.check(), status, line.expected(), line.actual(), line.difference(), reason,
                citations, c.conflictsWith());
    }

    private String conflictNoteOfTwin(Claim c) {
        return c.conflictsWith().stream().map(catalog::get).map(Claim::conflictNote).filter(n -> n != null)
                .findFirst().orElse("the sources disagree");
    }
}
