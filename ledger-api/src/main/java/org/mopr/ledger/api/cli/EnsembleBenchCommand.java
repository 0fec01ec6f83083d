package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.bench.EnsembleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench-ensemble [--members N] [--events E] [--db URL]}: an ensemble's events per second against a large run's. */
@Command(name = "bench-ensemble", mixinStandardHelpOptions = true,
        description = {"Benchmark an ensemble of historical (every member through the aggregates into the store, folded, "
                + "reconciled, banded and projected) against the ingest of a single large run of the member-level scenario, "
                + "in one process on one database.",
                "Runs in a fresh schema (or a throwaway embedded PostgreSQL) and drops it at the end; the last line is "
                        + "'ratios: ensemble=X members=Y' (the ensemble's events per second over the large run's ingest rate, "
                        + "with its members' bulk projection and without it)."})
public class EnsembleBenchCommand implements Callable<Integer> {

    @Option(names = "--members", paramLabel = "N", defaultValue = "200",
            description = "Members of the timed ensemble, 2 to 1,000 (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--events", paramLabel = "E", defaultValue = "500000",
            description = "Member dues events of the large run, " + EnsembleBench.MIN_EVENTS + " to " + EnsembleBench.MAX_EVENTS
                    + " (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server (a schema of the benchmark's own is made and dropped in its "
                    + "database). Without it, a throwaway embedded PostgreSQL is used.")
    String db;

    @Override
    public Integer call() {
        new EnsembleBench(members, events, db, System.out,
                List.of("--logging.level.root=WARN", "--spring.main.log-startup-info=false")).run();
        return 0;
    }
}
