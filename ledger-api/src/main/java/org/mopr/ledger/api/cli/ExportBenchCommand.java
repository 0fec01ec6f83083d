package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.bench.ExportBench;
import org.mopr.ledger.api.export.ExportService;
import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.projection.export.ExportRun;
import org.mopr.ledger.simulation.run.RunRegistry.RunRecord;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench-export --run RUN}: the export's rows per second against PostgreSQL's COPY of the same query. */
@Command(name = "bench-export", mixinStandardHelpOptions = true,
        description = {"Benchmark the export of a run's events (CSV and Parquet) against PostgreSQL's "
                + "COPY (SELECT ...) TO STDOUT of the same query, in one run on one database; files go to a "
                + "temporary directory that is removed. The last line is 'ratios: csv=X parquet=Y'."})
public class ExportBenchCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--run", paramLabel = "RUN", required = true, description = "The run whose events are exported.")
    String run;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, Map.of())) {
            RunRecord record = context.getBean(ExportService.class).exportable(run);
            context.getBean(ProjectionReadiness.class).awaitWhole(run, System.err::println);
            ExportRun described = new ExportRun(run, record.scenario(), record.seed(), record.events(),
                    record.fingerprint());
            new ExportBench(context.getBean(DataSource.class), System.out).run(described);
        }
        return 0;
    }
}
