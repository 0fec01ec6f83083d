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

/** {@code export --run RUN --format csv|parquet --out DIR}: a run's tidy tables and their datapackage.json. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a complete run as tidy tables (one file per table: events, journal, membership, sections, "
                + "income, aid, flows, balances, rates, reconciliation, claims, conflicts) with a Frictionless "
                + "datapackage.json describing them.",
                "Files are written under a hidden staging name and renamed into DIR only when all are complete; on "
                        + "any error nothing is left."})
public class ExportCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The run id.")
    String run;

    @Option(names = "--ensemble", paramLabel = "ID", description = "An ensemble of runs (not available yet).")
    String ensemble;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The directory to write into (made if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (ensemble != null) {
            throw new IllegalArgumentException("--ensemble is not available yet: there are no ensembles to export; use --run");
        }
        ExportFormat chosen = ExportFormat.parse(format);
        // Checked before the application starts, so a typo costs no start-up.
        RunExporter.prepare(out);
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, sources.properties(Map.of()))) {
            long started = System.nanoTime();
            ExportResult result = context.getBean(ExportService.class).export(run, chosen, out,
                    line -> spec.commandLine().getErr().println(line));
            double seconds = (System.nanoTime() - started) / 1e9;
            result.rows().forEach((table, rows) -> spec.commandLine().getOut().printf("%-15s %,12d rows%n", table, rows));
            spec.commandLine().getOut().printf("exported run %s to %s: %,d rows, %,d bytes in %.1f s%n", run,
                    result.directory(), result.totalRows(), result.bytes(), seconds);
        }
        return 0;
    }
}
