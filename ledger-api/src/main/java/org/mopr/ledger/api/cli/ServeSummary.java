package org.mopr.ledger.api.cli;

import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code serve} tells a person before the URL: the run, its fingerprint, the reconciliation's counts and the
 * ten lines that most need a look (mismatches first, then conflicts, incomplete and uncheckable claims, in catalog
 * order), with how to list them all. The full report is one command or one request away; the URL must not scroll off.
 */
final class ServeSummary {

    static final int SHOWN = 10;
    private static final int WIDTH = 160;

    private ServeSummary() {
    }

    static void print(String runId, long events, String fingerprint, Reconciliation r, String dataDirFlag, PrintStream out) {
        out.println("run " + runId + ": " + events + " events, fingerprint " + fingerprint);
        out.println("reconciliation: " + r.lines().size() + " documented claims checked: " + r.countByStatus().entrySet()
                .stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        List<Line> notMatching = r.notMatching().stream()
                .sorted(Comparator.comparing(Line::status)).toList();
        notMatching.stream().limit(SHOWN).forEach(l -> out.println("  " + shorten(l.status() + " " + l.claimId() + ": "
                + "expected " + l.expected() + (l.actual() != null ? ", actual " + l.actual() : "") + " - " + l.reason())));
        if (notMatching.size() > SHOWN) {
            out.println("  ... " + (notMatching.size() - SHOWN) + " more not MATCH: 'reconcile" + dataDirFlag
                    + "' lists all " + notMatching.size() + ", as does GET /api/reconciliation");
        }
    }

    private static String shorten(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }
}
