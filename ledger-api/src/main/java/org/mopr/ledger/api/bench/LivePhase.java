package org.mopr.ledger.api.bench;

import org.mopr.ledger.api.metrics.AxonProcessorMetrics;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Live projection of a member-level run: the same ingest as the ingest phase, into a run of its own, with live
 * projection following it, timed from the first command until it has reached the store's head (its rate is the one
 * to set beside the bulk replay's). Measured three times in one run: the processor alone (paging off) with Axon's
 * processor metrics off, then on (switched on the running application), which is what the metrics cost the
 * processor (the second run pays for a larger store: the difference is if anything against the metrics); then live
 * projection as the application runs it, metrics on and the backlog paged (LiveProjection).
 */
final class LivePhase {

    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private LivePhase() {
    }

    static BenchResult.Live measure(ConfigurableApplicationContext context, HeapWatch heap, BenchOptions options, RunId run,
                                    boolean metrics, boolean paging) {
        AxonProcessorMetrics.Switch monitoring = context.getBeanProvider(AxonProcessorMetrics.Switch.class).getIfAvailable();
        if (monitoring == null) {
            throw new IllegalStateException("the live phases switch Axon's processor metrics off and on: "
                    + "mopr.metrics.axon-processors must not be false");
        }
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ReplayService replays = context.getBean(ReplayService.class);
        JdbcRunRegistry registry = context.getBean(JdbcRunRegistry.class);
        CompiledScenario compiled = ScenarioCompiler.compile(Bench.scenario(options.events()), null, context.getBean(Catalog.class));
        monitoring.set(metrics);
        Bench.processor(context).pagingEnabled(paging);
        try {
            Bench.processor(context).start();
            awaitHead(replays, Duration.ofMinutes(5));
            long before = Bench.count(jdbc, "SELECT count(*) FROM domainevententry");
            registry.started(run, compiled.settings().name(), compiled.settings().seed(), compiled.source().text());
            AxonIngest ingest = new AxonIngest(context.getBean(CommandBatcher.class), options.threads(),
                    options.eventsPerTransaction());
            long[] storedNanos = new long[1];
            long start = System.nanoTime();
            BenchResult.Phase phase = Bench.timed(heap, () -> {
                ingest.run(compiled.runPlan(), run);
                storedNanos[0] = System.nanoTime() - start;
                awaitHead(replays, CATCH_UP);
                return 0L;
            });
            long stored = Bench.count(jdbc, "SELECT count(*) FROM domainevententry") - before;
            registry.completed(run, stored, null);
            long projected = Bench.count(jdbc, "SELECT count(*) FROM proj_event WHERE run_id = '" + run.value() + "'");
            Bench.require(projected == stored, "the live processor projected " + projected + " events of " + stored
                    + " stored in run " + run.value());
            return new BenchResult.Live(phase.counting(stored), storedNanos[0]);
        } finally {
            monitoring.set(options.axonMetrics());
            Bench.processor(context).pagingEnabled(true);
        }
    }

    /** Waits until the running processor is at the store's head (it follows the writers meanwhile). */
    static void awaitHead(ReplayService replays, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = replays.storeHead();
        while (replays.processorPosition() < head) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live processor did not reach #" + head + " within " + timeout
                        + " (at #" + replays.processorPosition() + ")");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the live processor", e);
            }
        }
    }
}
