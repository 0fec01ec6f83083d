package org.mopr.ledger.api.ensemble;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;
import org.mopr.ledger.shared.LedgerCsv;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ensemble as the command line prints it and as {@code --out} writes it (ensemble.json, bands.csv). */
public final class EnsembleReport {

    private EnsembleReport() {
    }

    public static void print(EnsembleStore store, String id, PrintStream out) {
        EnsembleStore.EnsembleRow e = store.find(id).orElseThrow();
        out.println("ensemble " + id + ": " + e.status() + ", " + e.membersDone() + " of " + e.members() + " members, "
                + e.events() + " events, varying " + e.vary());
        out.println("assumed for the ensemble: " + e.assumptions());
        out.println("documented totals: " + (Boolean.TRUE.equals(e.totalsExact()) ? "exact in every member" : "NOT exact")
                + " (" + e.totalsNote() + ")");
        List<EnsembleStore.BandRow> bands = store.allBands(id);
        long spread = bands.stream().filter(b -> b.max() != b.min()).count();
        out.println("figures: " + bands.size() + " (" + spread + " vary across members; every band of a modelled figure"
                + " says so with its origin)");
        bands.stream().filter(b -> b.figure().chars().filter(c -> c == '/').count() == 2 && b.max() != b.min())
                .sorted(Comparator.comparing(EnsembleStore.BandRow::figure)).limit(12)
                .forEach(b -> out.printf("  %-28s %-9s p5 %d  p50 %d  p95 %d  (min %d, max %d %s)%n", b.figure(),
                        b.origin(), b.p5(), b.p50(), b.p95(), b.min(), b.max(), b.currency() == null ? b.unit()
                                : "minor units of " + b.currency()));
        List<LineShares.Share> lines = store.lines(id);
        long always = lines.stream().filter(l -> l.holds() == l.members()).count();
        out.println("reconciliation: " + lines.size() + " lines, " + always + " MATCH in every member; lines that hold in"
                + " some members only:");
        lines.stream().filter(l -> l.holds() > 0 && l.holds() < l.members()).limit(20).forEach(l -> out.printf(
                "  %-48s %-12s holds in %d of %d (%s)%n", l.claimId(), l.basis(), l.holds(), l.members(), l.statuses()));
    }

    public static void write(EnsembleStore store, String id, Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ensemble", store.find(id).orElseThrow());
            json.put("members", store.members(id));
            json.put("reconciliation", store.lines(id));
            LedgerJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("ensemble.json").toFile(), json);
            try (Writer w = Files.newBufferedWriter(dir.resolve("bands.csv"), StandardCharsets.UTF_8)) {
                LedgerCsv.row(w, List.of("figure", "family", "origin", "modelled", "unit", "currency", "exponent", "p5",
                        "p50", "p95", "min", "max"));
                for (EnsembleStore.BandRow b : store.allBands(id)) {
                    LedgerCsv.row(w, java.util.Arrays.asList(b.figure(), b.family(), b.origin(), b.modelled(), b.unit(),
                            b.currency(), b.exponent(), b.p5(), b.p50(), b.p95(), b.min(), b.max()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports into " + dir, e);
        }
    }
}
