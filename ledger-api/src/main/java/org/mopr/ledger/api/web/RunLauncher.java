package org.mopr.ledger.api.web;

import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts scenario runs for the API, one at a time on a thread of its own, so that a long simulated run neither holds
 * a request thread nor competes with a second run for the store. Only shipped scenarios can be named: a path would
 * let a remote client make the server read its files.
 */
@Component
public class RunLauncher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    /**
     * A run handed to the runner thread: the scenario and seed it was compiled with, its id once it is registered
     * (never completed if it fails before), and its outcome to come.
     */
    public record Launched(String scenario, long seed, CompletableFuture<RunId> runId, Future<RunSummary> outcome) {
    }

    private final RunService runs;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mopr-api-run");
        thread.setDaemon(true);
        return thread;
    });

    public RunLauncher(RunService runs) {
        this.runs = runs;
    }

    public Launched launch(String scenario, Long seed) {
        if (!ScenarioReader.SHIPPED.contains(scenario)) {
            throw ApiProblem.badParameter("scenario must be one of the shipped scenarios " + ScenarioReader.SHIPPED
                    + ", got '" + scenario + "'");
        }
        long effectiveSeed;
        try {
            // Compiling first answers a bad seed or a broken scenario in the response, not in a log.
            effectiveSeed = runs.compile(scenario, seed).settings().seed();
        } catch (DomainException | IllegalArgumentException e) {
            throw ApiProblem.badParameter("scenario " + scenario + " cannot run: " + e.getMessage());
        }
        if (!busy.compareAndSet(false, true)) {
            throw ApiProblem.conflict("another run started through the API is still under way; wait for it (GET /api/runs)");
        }
        CompletableFuture<RunId> runId = new CompletableFuture<>();
        try {
            Future<RunSummary> outcome = executor.submit(() -> {
                try {
                    RunSummary summary = runs.run(scenario, effectiveSeed, new PrintStream(OutputStream.nullOutputStream()),
                            runId::complete);
                    log.info("run {} of {} (seed {}) started through the API: {} events, fingerprint {}",
                            summary.runId(), scenario, effectiveSeed, summary.events(), summary.fingerprint());
                    return summary;
                } catch (RuntimeException e) {
                    log.warn("run of {} (seed {}) started through the API failed: {}", scenario, effectiveSeed, e.getMessage());
                    throw e;
                } finally {
                    busy.set(false);
                }
            });
            return new Launched(scenario, effectiveSeed, runId, outcome);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
