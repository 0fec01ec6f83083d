package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.bench.Bench;
import org.mopr.ledger.api.bench.BenchOptions;
import org.mopr.ledger.api.bench.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench [--events N] [--db URL] [--kafka BOOTSTRAP] [--threads|--writers T] [--axon-metrics on|off]
 * [--phases all|ingest,replay|ingest]}: the ledger against plain JDBC on the
 * same database, in a fresh schema that is dropped at the end; the last line holds the ratios. BENCHMARK.md
 * has the figures of the reference machine and how to reproduce them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark ingest and replay of the member-level scenario against plain JDBC on the same database, "
                + "and, with --kafka, its Kafka path against plain Kafka clients.",
                "Runs in a fresh schema (or a throwaway embedded PostgreSQL) and drops it at the end; "
                        + "the last line is 'ratios: ingest_vs_insert=A ingest_vs_copy=B replay=C kafka=D live=E axon_metrics=F run_vs_bench=G'."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--events", paramLabel = "N", defaultValue = "500000",
            description = "Member dues events to simulate, at most " + BenchOptions.MAX_EVENTS + " (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server (a schema of the benchmark's own is made and dropped in its "
                    + "database). Without it, a throwaway embedded PostgreSQL is used.")
    String db;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Kafka bootstrap servers: also measure publishing and projecting through Kafka against a plain "
                    + "producer and consumer (topics mopr.bench.* are created and deleted).")
    String kafka;

    @Option(names = {"--threads", "--writers"}, paramLabel = "T", defaultValue = "1",
            description = "Writer threads, the same for the ledger, plain batch inserts and plain COPY (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--axon-metrics", paramLabel = "on|off", defaultValue = "on",
            description = "Axon's processor metrics during the phases other than the live ones, which measure both "
                    + "(default: ${DEFAULT-VALUE}).")
    String axonMetrics;

    @Option(names = "--events-per-transaction", paramLabel = "E", defaultValue = "2000",
            description = "Events per transaction, in the ledger (whole commands) and in plain JDBC (default: ${DEFAULT-VALUE}).")
    int eventsPerTransaction;

    @Option(names = "--phases", paramLabel = "all|ingest,replay|ingest", defaultValue = "all",
            description = "Every phase (default), only ingest and replay, or only ingest: a quicker run while working on one of them.")
    String phases;

    @Override
    public Integer call() {
        BenchOptions.Phases which = BenchOptions.Phases.of(phases);
        if (!axonMetrics.equals("on") && !axonMetrics.equals("off")) {
            throw new IllegalArgumentException("--axon-metrics must be on or off, got '" + axonMetrics + "'");
        }
        BenchOptions options = new BenchOptions(events, db, kafka, threads, eventsPerTransaction, axonMetrics.equals("on"),
                which);
        // The report is the output; the framework's start-up log would bury it. Set here, not in Bench: logging
        // levels are global to the JVM, and a test that runs Bench must not quieten the tests after it.
        BenchResult result = new Bench(options, System.out,
                List.of("--logging.level.root=WARN", "--spring.main.log-startup-info=false")).run();
        result.print(System.out);
        return 0;
    }
}
