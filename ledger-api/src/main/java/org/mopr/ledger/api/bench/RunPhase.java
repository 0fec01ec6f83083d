package org.mopr.ledger.api.bench;

import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.simulation.run.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code run} as a user calls it, on the same member-level scenario: {@link RunService#runAndReport} with the live
 * processor running, timed from the call (the scenario is read and compiled inside it) until the reconciliation is
 * printed, so the events are stored and the projections ready. Set beside the benchmark's own ingest plus replay
 * of as many events, which is the fastest the ledger knows how to get there.
 */
final class RunPhase {

    /** How the run went; {@code printed} is what it printed, for the checks (the reconciliation is in it). */
    record Result(BenchResult.Phase phase, String printed) {
    }

    private RunPhase() {
    }

    static Result measure(ConfigurableApplicationContext context, HeapWatch heap, BenchOptions options) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        ReplayService replays = context.getBean(ReplayService.class);
        Path file;
        try {
            // A scenario file, as a user would give it: the shipped scenario with the benchmark's size.
            file = Files.createTempFile("mopr-bench-run-", ".yaml");
            Files.writeString(file, Bench.scenario(options.events()).text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run phase's scenario file", e);
        }
        try {
            Bench.processor(context).start();
            LivePhase.awaitHead(replays, Duration.ofMinutes(5));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            RunSummary[] summary = new RunSummary[1];
            BenchResult.Phase phase = Bench.timed(heap, () -> {
                summary[0] = context.getBean(RunService.class).runAndReport(file.toString(), null, null, out);
                return summary[0].events();
            });
            String text = printed.toString(StandardCharsets.UTF_8);
            String run = summary[0].runId().value();
            long projected = Bench.count(jdbc, "SELECT count(*) FROM proj_event WHERE run_id = '" + run + "'");
            Bench.require(projected == summary[0].events(), "run " + run + " stored " + summary[0].events()
                    + " events and its projections hold " + projected);
            Bench.require(text.contains("reconciliation of run " + run), "run " + run + " printed no reconciliation");
            return new Result(phase, text);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file; the operating system's to clean.
            }
        }
    }
}
