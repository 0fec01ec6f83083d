package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Claim;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Held-out claims checked against what the rest of the record gives. A run compiled without a claim (and the claims
 * stating the same figure) cannot have been built from it, so each line is INDEPENDENT: the documented figure, what
 * the run predicts, the absolute and relative error, or UNCHECKABLE when nothing else in the record bears on it.
 */
public final class HoldOuts {

    private HoldOuts() {
    }

    /** The hold-out line of each claim, from the reconciliation of a run compiled without them. */
    public static List<Line> lines(Reconciliation heldOutRun, Collection<String> claimIds) {
        List<Line> lines = new ArrayList<>();
        for (String id : claimIds) {
            Line line = heldOutRun.line(id).orElse(null);
            lines.add(line == null ? uncheckable(id, "the reconciliation has no line for it (a text claim states no figure)")
                    : of(line));
        }
        return lines;
    }

    /** A hold-out that could not be compiled: the rest of the record cannot stand without the claim. */
    public static Line uncompilable(String claimId, String why) {
        return uncheckable(claimId, "the scenario cannot be compiled without it: " + why);
    }

    static Line of(Line l) {
        boolean nothing = l.computed() == Status.UNCHECKABLE || !Checks.computesAFigure(l);
        if (nothing) {
            return new Line(l.claimId(), "HOLD_OUT", Status.UNCHECKABLE, Basis.INDEPENDENT, Status.UNCHECKABLE,
                    l.expected(), l.actual(), null, null, "nothing else in the record bears on it (" + l.reason() + ")",
                    l.citations().isEmpty() ? List.of() : l.citations().subList(0, 1), List.of());
        }
        return new Line(l.claimId(), "HOLD_OUT", l.computed(), Basis.INDEPENDENT, l.computed(), l.expected(), l.actual(),
                l.difference(), l.relativeError(),
                "predicted by the rest of the record: " + l.reason(),
                l.citations().isEmpty() ? List.of() : l.citations().subList(0, 1), List.of());
    }

    private static Line uncheckable(String id, String why) {
        return new Line(id, "HOLD_OUT", Status.UNCHECKABLE, Basis.INDEPENDENT, Status.UNCHECKABLE, null, null, null, null,
                why, List.of(), List.of());
    }

    /** The leave-one-out table: claim, documented, predicted, absolute and relative error, or why it cannot be. */
    public static void table(List<Line> lines, Collection<Claim> claims, PrintWriter out) {
        out.printf(Locale.ROOT, "%-44s %-22s %-22s %-14s %-9s %s%n", "claim", "documented", "predicted", "abs error",
                "rel error", "status");
        long predicted = 0;
        for (Line l : lines) {
            if (l.status() != Status.UNCHECKABLE) {
                predicted++;
            }
            out.printf(Locale.ROOT, "%-44s %-22s %-22s %-14s %-9s %s%n", l.claimId(), dash(l.expected()), dash(l.actual()),
                    dash(l.difference()), dash(l.relativeError()),
                    l.status() == Status.UNCHECKABLE ? "UNCHECKABLE: " + l.reason() : l.status().name());
        }
        out.println(lines.size() + " claims held out one at a time: " + predicted + " predicted by the rest of the record, "
                + (lines.size() - predicted) + " not");
        out.flush();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
