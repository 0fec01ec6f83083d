package org.mopr.ledger.api.bench;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.metrics.AxonProcessorMetrics;
import org.mopr.ledger.api.projection.ProjectionConfiguration;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The benchmark, in one run on one database: ingest of the member-level scenario through the
 * aggregates beside plain JDBC inserts of the same rows, a rebuild of every projection beside a plain scan
 * of the same rows, and, given a broker, publishing and projecting through Kafka beside a plain producer and
 * consumer ({@link KafkaPhase}). Everything happens in a fresh schema (and fresh topics) removed at the end, and
 * every phase is checked to have handled the same number of events, so a fast wrong answer cannot pass as a result.
 */
public final class Bench {

    static final String SCENARIO = "synthetic-members";
    static final RunId RUN = RunId.of("synthetic-members-bench");
    private static final RunId WARM_UP_RUN = RunId.of("synthetic-members-warm-up");
    static final RunId LIVE_OFF_RUN = RunId.of("synthetic-members-live-metrics-off");
    static final RunId LIVE_ON_RUN = RunId.of("synthetic-members-live-metrics-on");
    private static final long WARM_UP_MAX_EVENTS = 100_000;

    private final BenchOptions options;
    private final PrintStream out;
    private final List<String> extraArgs;

    /** @param extraArgs Spring arguments ({@code --key=value}) added after the benchmark's own */
    public Bench(BenchOptions options, PrintStream out, List<String> extraArgs) {
        this.options = options;
        this.out = out;
        this.extraArgs = List.copyOf(extraArgs);
    }

    public BenchResult run() {
        return run(context -> { });
    }

    /** @param beforeCleanup sees the application on the benchmark's schema before it is dropped (tests look there) */
    public BenchResult run(Consumer<ConfigurableApplicationContext> beforeCleanup) {
        // Closed in reverse: the topics are deleted, then the schema dropped, whatever failed before.
        try (BenchDatabase db = BenchDatabase.open(options.dbUrl()); HeapWatch heap = new HeapWatch();
             KafkaPhase kafka = options.kafka() == null ? null : new KafkaPhase(options.kafka(), out)) {
            out.println("bench: starting the ledger on " + db.where());
            List<String> args = args(db, kafka);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                    .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
                BenchResult result = measure(context, db.where(), heap, kafka, args);
                beforeCleanup.accept(context);
                return result;
            }
        }
    }

    /** The application's arguments; Kafka's workers get the same, so both see one database and one set of settings. */
    private List<String> args(BenchDatabase db, KafkaPhase kafka) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.flyway.schemas=" + db.schema(),
                "--spring.flyway.default-schema=" + db.schema(),
                // Writers, the reader of the plain inserts, the replay and the processor each hold a connection.
                "--spring.datasource.hikari.maximum-pool-size=" + (options.threads() + 4)));
        if (kafka != null) {
            args.addAll(kafka.springArgs());
        }
        args.addAll(extraArgs);
        return args;
    }

    private BenchResult measure(ConfigurableApplicationContext context, String where, HeapWatch heap, KafkaPhase kafka,
                                List<String> args) {
        double loadBefore = load();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        DataSource dataSource = context.getBean(DataSource.class);
        // Ingest is measured alone: live projection would share the two cores with it; the replay rebuilds it all.
        processor(context).shutDown();
        context.getBeanProvider(AxonProcessorMetrics.Switch.class).ifAvailable(s -> s.set(options.axonMetrics()));
        if (kafka != null) {
            kafka.prepare(context);
        }

        warmUp(context, dataSource, jdbc, heap);
        CompiledScenario compiled = ScenarioCompiler.compile(scenario(options.events()), null, context.getBean(Catalog.class));
        JdbcRunRegistry registry = context.getBean(JdbcRunRegistry.class);
        registry.started(RUN, compiled.settings().name(), compiled.settings().seed(), compiled.source().text());
        AxonIngest ingest = new AxonIngest(context.getBean(CommandBatcher.class), options.threads(),
                options.eventsPerTransaction());
        out.printf("ingest: %,d commands through the aggregates on %d writer thread(s)%n", compiled.expectedCommands(),
                options.threads());
        heap.takePeak();
        // Counted after the clock stops: the count is the check, not part of the work.
        BenchResult.Phase ledgerIngest = timed(heap, () -> ingest.run(compiled.runPlan(), RUN))
                .counting(count(jdbc, "SELECT count(*) FROM domainevententry"));
        long stored = ledgerIngest.events();
        long dues = count(jdbc, "SELECT count(*) FROM domainevententry WHERE payloadtype = 'org.mopr.ledger.section.DuesCollected'");
        registry.completed(RUN, stored, null);

        out.println("ingest: the same rows with plain JDBC (batch inserts, then binary COPY)");
        BenchResult.Phase plainIngest = plain(dataSource, heap, false);
        BenchResult.Phase plainCopy = plain(dataSource, heap, true);
        require(plainIngest.events() == stored, "plain JDBC inserted " + plainIngest.events() + " rows of " + stored);
        require(plainCopy.events() == stored, "plain COPY loaded " + plainCopy.events() + " rows of " + stored);
        if (options.ingestOnly()) {
            long peak = Math.max(ledgerIngest.peakHeapBytes(), Math.max(plainIngest.peakHeapBytes(), plainCopy.peakHeapBytes()));
            return new BenchResult(options, where, dues, stored, ledgerIngest, plainIngest, plainCopy, null, null, 0,
                    null, null, "(--phases ingest)", null, null, null, peak, HeapWatch.maxHeap(), loadBefore, load());
        }

        out.println("replay: plain JDBC scan, then the rebuild of every projection");
        BenchResult.Phase scan = timed(heap, new PlainScan(dataSource)::run);
        require(scan.events() == stored, "the plain scan read " + scan.events() + " events of " + stored);
        ReplayService replays = context.getBean(ReplayService.class);
        BenchResult.Phase replay = timed(heap, () -> replays.replay(null, line -> { }).events())
                .counting(count(jdbc, "SELECT count(*) FROM proj_event"));
        require(replay.events() == stored, "the rebuild projected " + replay.events() + " events of " + stored);

        KafkaPhase.Result k = kafka == null ? null : kafka.measure(context, args, heap, stored);

        if (options.ingestAndReplayOnly()) {
            long peak = Math.max(Math.max(ledgerIngest.peakHeapBytes(), plainIngest.peakHeapBytes()),
                    Math.max(scan.peakHeapBytes(), replay.peakHeapBytes()));
            return new BenchResult(options, where, dues, stored, ledgerIngest, plainIngest, plainCopy, replay, scan,
                    replay.events(), null, null, "(--phases ingest,replay)", null, null, null, peak, HeapWatch.maxHeap(),
                    loadBefore, load());
        }
        // After Kafka, which publishes every stored event: these phases add runs of their own to the store.
        out.println("live: a run of as many events with the live processor following, Axon's processor metrics off, then on");
        BenchResult.Live liveOff = LivePhase.measure(context, heap, options, LIVE_OFF_RUN, false);
        BenchResult.Live liveOn = LivePhase.measure(context, heap, options, LIVE_ON_RUN, true);
        out.println("run: 'run' of the same scenario as a user calls it");
        RunPhase.Result run = RunPhase.measure(context, heap, options);
        out.println(run.printed().lines().filter(line -> line.contains("projecting the rest in bulk"))
                .map(line -> "run: " + line.substring(line.indexOf("the live processor")) + " ('run' stopped it)")
                .findFirst().orElse("run: the live processor kept up; 'run' did not hand its events to the bulk path"));

        long peak = Math.max(Math.max(ledgerIngest.peakHeapBytes(), plainIngest.peakHeapBytes()),
                Math.max(scan.peakHeapBytes(), replay.peakHeapBytes()));
        if (k != null) {
            peak = Math.max(peak, Math.max(k.ledger().peakHeapBytes(), k.plain().peakHeapBytes()));
        }
        peak = Math.max(peak, Math.max(Math.max(liveOff.phase().peakHeapBytes(), liveOn.phase().peakHeapBytes()),
                run.phase().peakHeapBytes()));
        return new BenchResult(options, where, dues, stored, ledgerIngest, plainIngest, plainCopy, replay, scan, replay.events(),
                k == null ? null : k.ledger(), k == null ? null : k.plain(), k == null ? "(no --kafka BOOTSTRAP given)" : "",
                liveOff, liveOn, run.phase(), peak, HeapWatch.maxHeap(), loadBefore, load());
    }

    /**
     * Runs both ingest paths once on a smaller scenario before anything is timed, then empties the event store and
     * the aggregate cache: otherwise the first phase would pay for compiling its code (the ledger's path is much
     * longer than plain JDBC's), and its figure would be the JIT's as much as the ledger's.
     */
    private void warmUp(ConfigurableApplicationContext context, DataSource dataSource, JdbcTemplate jdbc, HeapWatch heap) {
        long events = Math.max(1_000, Math.min(WARM_UP_MAX_EVENTS, options.events() / 5));
        out.printf("warm-up: %,d member dues events through the aggregates and through plain JDBC, not timed%n", events);
        CompiledScenario compiled = ScenarioCompiler.compile(scenario(events), null, context.getBean(Catalog.class));
        new AxonIngest(context.getBean(CommandBatcher.class), options.threads(), options.eventsPerTransaction())
                .run(compiled.runPlan(), WARM_UP_RUN);
        plain(dataSource, heap, false);
        plain(dataSource, heap, true);
        jdbc.execute("TRUNCATE domainevententry, snapshotevententry RESTART IDENTITY");
        context.getBean(Cache.class).removeAll();
    }

    /** The same rows again with plain JDBC into a fresh table of the event table's shape, dropped afterwards. */
    private BenchResult.Phase plain(DataSource dataSource, HeapWatch heap, boolean copy) {
        PlainIngest plain = new PlainIngest(dataSource, options.threads(), options.eventsPerTransaction(), copy);
        try {
            plain.createTable();
            BenchResult.Phase phase = timed(heap, plain::run);
            plain.dropTable();
            return phase;
        } catch (Exception e) {
            throw new IllegalStateException("plain JDBC ingest failed: " + e.getMessage(), e);
        }
    }

    /** The shipped member-level scenario with the size knob set to {@code events}. */
    static ScenarioSource scenario(long events) {
        ScenarioSource shipped = ScenarioReader.source(SCENARIO);
        String text = shipped.text().replaceFirst("(?m)^(\\s+events:\\s*)\\d+", "$1" + events);
        if (text.equals(shipped.text()) && !shipped.text().contains("events: " + events)) {
            throw new IllegalStateException("the shipped " + SCENARIO + " scenario has no members.events line to set");
        }
        return new ScenarioSource(shipped.file() + " (bench, events " + events + ")", text);
    }

    static EventProcessor processor(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class).eventProcessor(ProjectionConfiguration.PROCESSOR)
                .orElseThrow(() -> new IllegalStateException("no processor " + ProjectionConfiguration.PROCESSOR));
    }

    static BenchResult.Phase timed(HeapWatch heap, Callable<Long> phase) {
        heap.takePeak();
        long start = System.nanoTime();
        long events;
        try {
            events = phase.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new BenchResult.Phase(events, System.nanoTime() - start, heap.takePeak());
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("benchmark result is wrong, not slow: " + problem);
        }
    }
}
