package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Runs a plan into the store under a fresh run id, in transactions of whole commands: at most
 * {@code commandsPerTransaction} of them, and no more once they carry {@code eventsPerTransaction} events. The
 * second bound matters for member-level scenarios, whose dues commands carry up to a thousand events each: Axon
 * merges a unit of work's staged events quadratically when it first loads an aggregate, so a hundred such
 * commands in one transaction cost far more than fifty transactions of two. A run is
 * registered RUNNING first and COMPLETE only after its last batch and its fingerprint, so a run killed half
 * way never looks complete; running the same scenario again starts clean under the next id and says so.
 */
public final class ScenarioRunner {

    /** A transaction's events are held in memory until it commits. */
    public static final int MAX_EVENTS_PER_TRANSACTION = 100_000;

    private final CommandBatcher batcher;
    private final RunRegistry registry;
    private final RunStore store;
    private final int commandsPerTransaction;
    private final int eventsPerTransaction;

    public ScenarioRunner(CommandBatcher batcher, RunRegistry registry, RunStore store, int commandsPerTransaction,
                          int eventsPerTransaction) {
        if (commandsPerTransaction < 1 || commandsPerTransaction > CommandBatcher.MAX_COMMANDS_PER_TRANSACTION) {
            throw new IllegalArgumentException("commands per transaction must be 1.." + CommandBatcher.MAX_COMMANDS_PER_TRANSACTION
                    + ", got " + commandsPerTransaction);
        }
        if (eventsPerTransaction < 1 || eventsPerTransaction > MAX_EVENTS_PER_TRANSACTION) {
            throw new IllegalArgumentException("events per transaction must be 1.." + MAX_EVENTS_PER_TRANSACTION
                    + ", got " + eventsPerTransaction);
        }
        this.eventsPerTransaction = eventsPerTransaction;
        this.batcher = batcher;
        this.registry = registry;
        this.store = store;
        this.commandsPerTransaction = commandsPerTransaction;
    }

    public RunSummary run(RunPlan plan, PrintStream out) {
        return run(plan, out, id -> { });
    }

    /** @param registered told the run's id as soon as it is registered, before its first command */
    public RunSummary run(RunPlan plan, PrintStream out, Consumer<RunId> registered) {
        List<RunRegistry.RunRecord> earlier = registry.runsOf(plan.scenario(), plan.seed());
        String start = "fresh";
        for (RunRegistry.RunRecord record : earlier) {
            if (record.status() == RunRegistry.Status.RUNNING) {
                registry.failed(record.runId(), "left incomplete: the process stopped before the run finished");
                start = "starting clean: earlier run " + record.runId() + " was left incomplete and is marked FAILED";
            }
        }
        RunId runId = nextId(plan.scenario(), plan.seed(), earlier.size());
        out.println(start.equals("fresh") ? "run " + runId + ": starting" : "run " + runId + ": " + start);
        return execute(plan, runId, start, out, registered);
    }

    private RunSummary execute(RunPlan plan, RunId runId, String start, PrintStream out, Consumer<RunId> registered) {
        registry.started(runId, plan.scenario(), plan.seed(), plan.scenarioText());
        registered.accept(runId);

        long began = System.nanoTime();
        long sent = 0;
        ProgressBar bar = new ProgressBar(out, plan.expectedCommands(), "commands");
        try {
            Iterator<Object> commands = plan.commands().apply(runId);
            Iterator<List<Object>> batches = transactions(commands, commandsPerTransaction, eventsPerTransaction,
                    CommandBatcher::eventsOf);
            while (batches.hasNext()) {
                List<Object> batch = batches.next();
                batcher.sendAll(batch);
                sent += batch.size();
                bar.update(sent);
            }
            bar.finish();
        } catch (RuntimeException e) {
            bar.finish();
            try {
                registry.failed(runId, reason(e));
            } catch (RuntimeException unrecorded) {
                // The store that failed the run often cannot record it either; the run's own failure is the news.
                e.addSuppressed(unrecorded);
            }
            throw new RunFailedException(runId, sent, e);
        }
        RunStore.Contents contents = store.contents(runId);
        Fingerprint fingerprint = contents.fingerprint();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        registry.completed(runId, fingerprint.events(), fingerprint.hex());
        return new RunSummary(runId, plan.scenario(), plan.seed(), start, sent, fingerprint.events(),
                contents.eventsByTypeAndOrigin(), elapsed, fingerprint.hex());
    }

    /** Why a run stopped, as the registry keeps it: the database's own words when it was the store that failed. */
    public static String reason(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return "the store failed: " + sql.getMessage();
            }
        }
        return failure.getMessage();
    }

    /**
     * Groups commands, in order, into transactions of whole commands: a transaction ends at {@code maxCommands}
     * commands or once its commands carry {@code maxEvents} events, whichever comes first.
     */
    public static Iterator<List<Object>> transactions(Iterator<Object> commands, int maxCommands, int maxEvents,
                                               ToIntFunction<Object> eventsOf) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return commands.hasNext();
            }

            @Override
            public List<Object> next() {
                if (!commands.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object> batch = new ArrayList<>();
                long events = 0;
                while (commands.hasNext() && batch.size() < maxCommands && events < maxEvents) {
                    Object command = commands.next();
                    batch.add(command);
                    events += eventsOf.applyAsInt(command);
                }
                return batch;
            }
        };
    }

    /** "historical-s1922", then "historical-s1922-2", ...: readable, and two runs live side by side. */
    static RunId nextId(String scenario, long seed, int earlierRuns) {
        String slug = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "scenario";
        }
        String base = slug.substring(0, Math.min(slug.length(), 40)) + "-s" + Long.toUnsignedString(seed);
        return RunId.of(earlierRuns == 0 ? base : base + "-" + (earlierRuns + 1));
    }

    /** The run stopped on a rejected command; it is marked FAILED in the registry. */
    public static final class RunFailedException extends RuntimeException {
        public RunFailedException(RunId runId, long sentCommands, RuntimeException cause) {
            super("run " + runId + " failed after " + sentCommands + " commands and is marked FAILED: "
                    + reason(cause), cause);
        }
    }
}
