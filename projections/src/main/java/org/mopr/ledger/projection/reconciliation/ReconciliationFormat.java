package org.mopr.ledger.projection.reconciliation;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.LedgerCsv;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report as text (a summary for people), JSON (for programs) or CSV (for spreadsheets). */
public enum ReconciliationFormat {
    TEXT, JSON, CSV;

    public static ReconciliationFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException("unknown format '" + text + "': use text, json or csv");
        }
    }

    public void write(Reconciliation r, Writer out) {
        try {
            switch (this) {
                case TEXT -> summary(r, new PrintWriter(out));
                case JSON -> LedgerJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(nonClosing(out), r.lines());
                case CSV -> csv(r, new PrintWriter(out));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a MATCH on each basis proves, printed beside its counts so a reader never takes one for another. */
    private static final java.util.Map<Basis, String> MEANING = java.util.Map.of(
            Basis.ROUND_TRIP, "the figure went into the events it is checked against: the pipeline kept it",
            Basis.CONSERVATION, "a documented total against the parts the run spread from it",
            Basis.INDEPENDENT, "checked against what was not built from it: evidence about the record");

    private static String counts(java.util.Map<Status, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Counts by status and by basis, then every line that is not a match, with its reason. */
    public static void summary(Reconciliation r, PrintWriter out) {
        out.println("reconciliation of run " + r.runId() + ": " + r.lines().size() + " assertions");
        out.println(counts(r.countByStatus()));
        r.countByBasis().forEach((basis, counts) -> {
            long n = counts.values().stream().mapToLong(Long::longValue).sum();
            if (n > 0) {
                out.println("  " + basis + " " + n + ": " + counts(counts) + " - " + MEANING.get(basis));
            }
        });
        for (Line l : r.notMatching()) {
            out.println("  " + l.status() + (l.computed() != l.status() ? " (computed " + l.computed() + ")" : "")
                    + " " + l.basis() + " " + l.claimId() + ": expected " + l.expected()
                    + (l.actual() != null ? ", actual " + l.actual() : "")
                    + (l.difference() != null && !l.difference().startsWith("0") ? ", difference " + l.difference() : "")
                    + " - " + l.reason());
        }
        out.flush();
    }

    private static void csv(Reconciliation r, PrintWriter out) {
        LedgerCsv.row(out, List.of("claimId", "check", "status", "basis", "computed", "expected", "actual",
                "difference", "relativeError", "reason", "source", "quote", "conflictsWith"));
        for (Line l : r.lines()) {
            Line.Citation own = l.citations().get(0);
            LedgerCsv.row(out, Arrays.asList(l.claimId(), l.check(), l.status().name(), l.basis().name(),
                    l.computed().name(), l.expected(), l.actual(), l.difference(), l.relativeError(), l.reason(),
                    own.source(), own.quote(), LedgerCsv.list(l.conflictsWith())));
        }
        out.flush();
    }

    private static Writer nonClosing(Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
