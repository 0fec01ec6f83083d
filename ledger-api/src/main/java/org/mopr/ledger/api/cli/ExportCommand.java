package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.export.ExportService;
import org.mopr.ledger.projection.export.ExportFormat;
import org.mopr.ledger.projection.export.ExportResult;
import org.mopr.ledger.projection.export.RunExporter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code export --run RUN [--ensemble ID] --format csv|parquet --out DIR}: a run's tidy tables and their
 * datapackage.json; with {@code --ensemble} the ensemble's bands, members and reconciliation shares beside them, or
 * alone when no run is given.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a complete run as tidy tables (one file per table: events, journal, membership, sections, "
                + "income, aid, flows, balances, rates, reconciliation, claims, conflicts) with a Frictionless "
                + "datapackage.json describing them.",
                "With --ensemble ID the ensemble's tables are written too: ensemble_bands (one row per figure: p5, "
                        + "p50, p95, min, max, origin, unit, currency, exponent), ensemble_members and "
                        + "ensemble_reconciliation; --ensemble without --run writes those three alone.",
                "Files are written under a hidden staging name and renamed into DIR only when all are complete; on "
                        + "any error nothing is left."})
public class ExportCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Option(names = "--run", paramLabel = "RUN", description = "The run id (needed unless --ensemble is given).")
    String run;

    @Option(names = "--ensemble", paramLabel = "ID", description = "An ensemble: its bands, members and "
            + "reconciliation shares as three tables more, or alone without --run.")
    String ensemble;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into (made if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (run == null && ensemble == null) {
            throw new IllegalArgumentException("give --run RUN, --ensemble ID, or both: there is nothing to export");
        }
        ExportFormat chosen = ExportFormat.parse(format);
        // Checked before the application starts, so a typo costs no start-up.
        RunExporter.prepare(out);
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, sources.properties(Map.of()))) {
            long started = System.nanoTime();
            ExportResult result = context.getBean(ExportService.class).export(run, ensemble, chosen, out,
                    line -> spec.commandLine().getErr().println(line));
            double seconds = (System.nanoTime() - started) / 1e9;
            result.rows().forEach((table, rows) -> spec.commandLine().getOut().printf("%-15s %,12d rows%n", table, rows));
            String what = run == null ? "ensemble " + ensemble : "run " + run + (ensemble == null ? ""
                    : " with ensemble " + ensemble);
            spec.commandLine().getOut().printf("exported %s to %s: %,d rows, %,d bytes in %.1f s%n", what,
                    result.directory(), result.totalRows(), result.bytes(), seconds);
        }
        return 0;
    }
}
