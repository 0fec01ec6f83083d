package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Runs a plan into the store under a fresh run id, in batches of commands per transaction. A run is
 * registered RUNNING first and COMPLETE only after its last batch and its fingerprint, so a run killed half
 * way never looks complete; running the same scenario again starts clean under the next id and says so.
 */
public final class ScenarioRunner {

    private final CommandBatcher batcher;
    private final RunRegistry registry;
    private final RunStore store;
    private final int commandsPerTransaction;

    public ScenarioRunner(CommandBatcher batcher, RunRegistry registry, RunStore store, int commandsPerTransaction) {
        if (commandsPerTransaction < 1 || commandsPerTransaction > CommandBatcher.MAX_COMMANDS_PER_TRANSACTION) {
            throw new IllegalArgumentException("commands per transaction must be 1.." + CommandBatcher.MAX_COMMANDS_PER_TRANSACTION
                    + ", got " + commandsPerTransaction);
        }
        this.batcher = batcher;
        this.registry = registry;
        this.store = store;
        this.commandsPerTransaction = commandsPerTransaction;
    }

    public RunSummary run(RunPlan plan, PrintStream out) {
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
        registry.started(runId, plan.scenario(), plan.seed(), plan.scenarioText());

        long began = System.nanoTime();
        long sent = 0;
        ProgressBar bar = new ProgressBar(out, plan.expectedCommands(), "commands");
        try {
            Iterator<Object> commands = plan.commands().apply(runId);
            List<Object> batch = new ArrayList<>(commandsPerTransaction);
            while (commands.hasNext()) {
                batch.add(commands.next());
                if (batch.size() == commandsPerTransaction || !commands.hasNext()) {
                    batcher.sendAll(batch);
                    sent += batch.size();
                    batch.clear();
                    bar.update(sent);
                }
            }
            bar.finish();
        } catch (RuntimeException e) {
            bar.finish();
            registry.failed(runId, e.getMessage());
            throw new RunFailedException(runId, sent, e);
        }
        Fingerprint fingerprint = store.fingerprint(runId);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        registry.completed(runId, fingerprint.events(), fingerprint.hex());
        return new RunSummary(runId, plan.scenario(), plan.seed(), start, sent, fingerprint.events(),
                store.eventsByTypeAndOrigin(runId), elapsed, fingerprint.hex());
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
                    + cause.getMessage(), cause);
        }
    }
}
