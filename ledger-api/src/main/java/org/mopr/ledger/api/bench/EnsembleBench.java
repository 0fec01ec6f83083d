package org.mopr.ledger.api.bench;

import org.axonframework.common.caching.Cache;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ensemble of {@code historical} against a single large run, in one process on one database: the ensemble's
 * events per second, from its registration until its bands are stored and its members projected in bulk (compiling,
 * sending through the aggregates, reading back, folding and reconciling every member included), beside the ingest
 * rate of the member-level scenario through the same aggregates and store ({@code bench}'s ingest phase: 1 writer,
 * 2,000 events per transaction). The ensemble runs first, while live projection is the ensemble's to pause and catch
 * up; then live projection is stopped, the store emptied, and the large run measured. Both are warmed untimed first.
 * Everything happens in a fresh schema, dropped at the end.
 */
public final class EnsembleBench {

    public static final int WARM_UP_MEMBERS = 10;
    public static final long MIN_EVENTS = 10_000;
    public static final long MAX_EVENTS = 5_000_000;
    private static final RunId LARGE_RUN = RunId.of("synthetic-members-bench");
    private static final RunId WARM_UP_RUN = RunId.of("synthetic-members-warm-up");
    private static final int EVENTS_PER_TRANSACTION = 2_000;

    /**
     * What was measured; {@code ratio} is the whole ensemble's events per second over the large run's, {@code
     * membersRatio} the same without the members' bulk projection ({@code projectionSeconds}), which the large run's
     * ingest leaves out too (its live projection is stopped and not caught up).
     */
    public record Result(int members, long ensembleEvents, double ensembleSeconds, double projectionSeconds,
                         long largeEvents, double largeSeconds, long peakHeapBytes, boolean totalsExact) {
        public double ensemblePerSecond() {
            return ensembleEvents / ensembleSeconds;
        }

        /** Everything of the ensemble but its members' bulk projection: compile, store, read back, fold, reconcile, band. */
        public double membersPerSecond() {
            return ensembleEvents / (ensembleSeconds - projectionSeconds);
        }

        public double membersRatio() {
            return membersPerSecond() / largePerSecond();
        }

        public double largePerSecond() {
            return largeEvents / largeSeconds;
        }

        public double ratio() {
            return ensemblePerSecond() / largePerSecond();
        }
    }

    private final int members;
    private final long events;
    private final String dbUrl;
    private final PrintStream out;
    private final List<String> extraArgs;

    public EnsembleBench(int members, long events, String dbUrl, PrintStream out, List<String> extraArgs) {
        if (members < EnsembleService.MIN_MEMBERS || members > EnsembleService.MAX_MEMBERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--members must be %d..%,d, got %d",
                    EnsembleService.MIN_MEMBERS, EnsembleService.MAX_MEMBERS, members));
        }
        if (events < MIN_EVENTS || events > MAX_EVENTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--events must be %,d..%,d, got %d", MIN_EVENTS,
                    MAX_EVENTS, events));
        }
        if (dbUrl != null && (!dbUrl.startsWith("jdbc:postgresql:")
                || dbUrl.toLowerCase(Locale.ROOT).contains("currentschema="))) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL without a schema, got '" + dbUrl + "'");
        }
        this.members = members;
        this.events = events;
        this.dbUrl = dbUrl;
        this.out = out;
        this.extraArgs = List.copyOf(extraArgs);
    }

    public Result run() {
        try (BenchDatabase db = BenchDatabase.open(dbUrl); HeapWatch heap = new HeapWatch()) {
            out.println("bench-ensemble: starting the ledger on " + db.where());
            List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
                    "--spring.flyway.schemas=" + db.schema(), "--spring.flyway.default-schema=" + db.schema()));
            args.addAll(extraArgs);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
                return measure(context, heap);
            }
        }
    }

    private Result measure(ConfigurableApplicationContext context, HeapWatch heap) {
        double loadBefore = load();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        EnsembleService ensembles = context.getBean(EnsembleService.class);
        out.printf("warm-up: an ensemble of %d members of historical, not timed%n", WARM_UP_MEMBERS);
        ensemble(ensembles, WARM_UP_MEMBERS, new PrintStream(OutputStream.nullOutputStream()), new Duration[1]);

        out.printf("ensemble: %d members of historical, the members projected in bulk%n", members);
        long storedBefore = count(jdbc, "SELECT count(*) FROM domainevententry");
        long projectedBefore = count(jdbc, "SELECT count(*) FROM proj_event");
        heap.takePeak();
        long start = System.nanoTime();
        Duration[] projection = new Duration[1];
        String id = ensemble(ensembles, members, out, projection);
        double ensembleSeconds = (System.nanoTime() - start) / 1e9;
        long ensemblePeak = heap.takePeak();
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow();
        long stored = count(jdbc, "SELECT count(*) FROM domainevententry") - storedBefore;
        long projected = count(jdbc, "SELECT count(*) FROM proj_event") - projectedBefore;
        Bench.require("COMPLETE".equals(row.status()) && row.membersDone() == members, "ensemble " + id + " is "
                + row.status() + " with " + row.membersDone() + " of " + members + " members");
        Bench.require(row.events() == stored, "the members say " + row.events() + " events, the store gained " + stored);
        Bench.require(projected == stored, "the bulk projection holds " + projected + " of the members' " + stored + " events");

        Bench.processor(context).stop();
        jdbc.execute("TRUNCATE domainevententry, snapshotevententry RESTART IDENTITY");
        context.getBean(Cache.class).removeAll();
        AxonIngest ingest = new AxonIngest(context.getBean(CommandBatcher.class), 1, EVENTS_PER_TRANSACTION);
        long warmUp = Math.max(MIN_EVENTS, Math.min(100_000, events / 5));
        out.printf("warm-up: %,d member dues events through the aggregates, not timed%n", warmUp);
        Catalog catalog = context.getBean(Catalog.class);
        ingest.run(ScenarioCompiler.compile(Bench.scenario(warmUp), null, catalog).runPlan(), WARM_UP_RUN);
        jdbc.execute("TRUNCATE domainevententry, snapshotevententry RESTART IDENTITY");
        context.getBean(Cache.class).removeAll();
        CompiledScenario large = ScenarioCompiler.compile(Bench.scenario(events), null, catalog);
        out.printf("large run: %,d commands of synthetic-members through the aggregates (1 writer, %,d events per "
                + "transaction, live projection stopped, as bench's ingest)%n", large.expectedCommands(), EVENTS_PER_TRANSACTION);
        heap.takePeak();
        start = System.nanoTime();
        ingest.run(large.runPlan(), LARGE_RUN);
        double largeSeconds = (System.nanoTime() - start) / 1e9;
        long largePeak = heap.takePeak();
        long largeEvents = count(jdbc, "SELECT count(*) FROM domainevententry");

        Result result = new Result(members, stored, ensembleSeconds, projection[0].toNanos() / 1e9, largeEvents, largeSeconds,
                Math.max(ensemblePeak, largePeak), Boolean.TRUE.equals(row.totalsExact()));
        print(result, id, ensemblePeak, largePeak, loadBefore);
        return result;
    }

    private static String ensemble(EnsembleService ensembles, int members, PrintStream progress, Duration[] projection) {
        EnsembleService.Checked checked = ensembles.check(new EnsembleService.Request("historical", null, members,
                "seed,placement"));
        String id = ensembles.register(checked);
        projection[0] = ensembles.runMembers(id, checked, progress, () -> false, EnsembleService.Projection.BULK);
        return id;
    }

    private void print(Result r, String id, long ensemblePeak, long largePeak, double loadBefore) {
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f before and %.1f after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, load());
        out.printf(Locale.ROOT, "ensemble  %,9d events in %7.2f s = %,8.0f events/s  peak heap %4d MB  (%s: %d members"
                        + " compiled, through the aggregates into the store, read back, folded, reconciled, banded, "
                        + "projected in bulk; documented totals %s)%n", r.ensembleEvents(), r.ensembleSeconds(),
                r.ensemblePerSecond(), ensemblePeak >> 20, id, r.members(), r.totalsExact() ? "exact in every member" : "NOT exact");
        out.printf(Locale.ROOT, "  members %,9d events in %7.2f s = %,8.0f events/s  (the same without the members' bulk "
                        + "projection, %.2f s: what the large run's ingest leaves out too)%n", r.ensembleEvents(),
                r.ensembleSeconds() - r.projectionSeconds(), r.membersPerSecond(), r.projectionSeconds());
        out.printf(Locale.ROOT, "large run %,9d events in %7.2f s = %,8.0f events/s  peak heap %4d MB  (synthetic-members:"
                + " scenario -> aggregates -> event store)%n", r.largeEvents(), r.largeSeconds(), r.largePerSecond(), largePeak >> 20);
        out.printf(Locale.ROOT, "%d members in %.1f s (target for 200: under 30 s); peak heap %d MB of %d MB, peak RSS %s%n",
                r.members(), r.ensembleSeconds(), r.peakHeapBytes() >> 20, HeapWatch.maxHeap() >> 20, peakRss());
        out.printf(Locale.ROOT, "ensemble: the whole ensemble's events/s over the large run's ingest (the target's "
                + "figure); members: the same without the members' bulk projection, as the large run is measured%n");
        out.printf(Locale.ROOT, "ratios: ensemble=%.2f members=%.2f%n", r.ratio(), r.membersRatio());
    }

    /** The process's peak resident set (Linux's VmHWM), or "n/a" elsewhere. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure rather than a wrong one
        }
        return "n/a";
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
