package org.mopr.ledger.api.run;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.mopr.ledger.api.reconcile.ProjectionCatchUp;
import org.mopr.ledger.api.reconcile.HoldOutService;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.ReconciliationFormat;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiles a scenario against the catalog and runs it. Compilation checks everything a scenario can get
 * wrong before the first command is sent, so a scenario that fails validation writes nothing.
 */
@Service
public class RunService {

    /** The historical run projects in a second here; a member-level one may take minutes. */
    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private final Catalog catalog;
    private final ScenarioRunner runner;
    private final ReconciliationService reconciliations;
    private final ProjectionCatchUp catchUp;
    private final HoldOutService holdOuts;

    public RunService(Catalog catalog, ScenarioRunner runner, ReconciliationService reconciliations,
                      ProjectionCatchUp catchUp, HoldOutService holdOuts) {
        this.holdOuts = holdOuts;
        this.catalog = catalog;
        this.runner = runner;
        this.reconciliations = reconciliations;
        this.catchUp = catchUp;
    }

    public CompiledScenario compile(String scenarioNameOrPath, Long seed) {
        return compile(scenarioNameOrPath, seed, List.of());
    }

    public CompiledScenario compile(String scenarioNameOrPath, Long seed, List<String> holdOut) {
        return ScenarioCompiler.compile(ScenarioReader.source(scenarioNameOrPath), seed, catalog, holdOut);
    }

    public RunSummary run(String scenarioNameOrPath, Long seed, PrintStream out) {
        return run(scenarioNameOrPath, seed, out, id -> { });
    }

    /** @param registered told the run's id once it is registered, before its first command is sent */
    public RunSummary run(String scenarioNameOrPath, Long seed, PrintStream out, Consumer<RunId> registered) {
        return run(scenarioNameOrPath, seed, List.of(), out, registered);
    }

    private RunSummary run(String scenarioNameOrPath, Long seed, List<String> holdOut, PrintStream out,
                           Consumer<RunId> registered) {
        CompiledScenario compiled = compile(scenarioNameOrPath, seed, holdOut);
        out.println("scenario " + compiled.settings().name() + " (seed " + compiled.settings().seed() + "): "
                + compiled.expectedCommands() + " commands, " + compiled.omissions().size()
                + " documented claims left out (listed in the reconciliation)");
        return runner.run(compiled.runPlan(), out, registered);
    }

    /**
     * Runs, waits for the projections, prints the summary and the reconciliation summary, writes the reports. A run
     * that the live processor falls far behind has its backlog projected in pages beside its writers (LiveProjection).
     */
    public RunSummary runAndReport(String scenarioNameOrPath, Long seed, Path outDir, PrintStream out) {
        return runAndReport(scenarioNameOrPath, seed, List.of(), outDir, out);
    }

    /** As above, compiled without the held-out claims (a stored hold-out: {@code run --hold-out ... --keep}). */
    public RunSummary runAndReport(String scenarioNameOrPath, Long seed, List<String> holdOut, Path outDir, PrintStream out) {
        RunSummary summary = run(scenarioNameOrPath, seed, holdOut, out, id -> { });
        summary.print(out);
        catchUp.await(summary.runId().value(), summary.events(), CATCH_UP);
        Reconciliation reconciliation = reconciliations.of(summary.runId().value());
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ReconciliationFormat.summary(reconciliation, writer);
        writer.flush();
        if (outDir != null) {
            writeSummary(summary, outDir);
            reconciliations.writeReports(reconciliation, outDir);
            out.println("reports written to " + outDir.toAbsolutePath() + " (summary.json, reconciliation.json, reconciliation.csv)");
        }
        return summary;
    }

    /**
     * A held-out run folded in memory: nothing is sent to the aggregates or written to the store. Prints the
     * reconciliation of the folded run and the line of each held-out claim.
     */
    public void foldHeldOut(org.mopr.ledger.simulation.scenario.ScenarioSource source, Long seed, List<String> holdOut,
                            PrintStream out) {
        HoldOutService.Folded folded = holdOuts.fold(source, seed, holdOut);
        out.println("scenario " + folded.compiled().settings().name() + " (seed " + folded.compiled().settings().seed()
                + "): " + folded.compiled().expectedCommands() + " commands, held out: "
                + String.join(", ", folded.compiled().settings().holdOut())
                + " (and claims stating the same figures); folded in memory, nothing written (--keep stores it)");
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ReconciliationFormat.summary(folded.reconciliation(), writer);
        writer.println("held-out claims against what the rest of the record gives:");
        org.mopr.ledger.projection.reconciliation.HoldOuts.table(folded.heldOut(), List.of(), writer);
        writer.flush();
    }

    static void writeSummary(RunSummary summary, Path outDir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", summary.runId().value());
        json.put("scenario", summary.scenario());
        json.put("seed", summary.seed());
        json.put("start", summary.start());
        json.put("commands", summary.commands());
        json.put("events", summary.events());
        json.put("eventsByTypeAndOrigin", summary.eventsByTypeAndOrigin());
        json.put("elapsedSeconds", summary.elapsed().toMillis() / 1000.0);
        json.put("eventsPerSecond", Math.round(summary.eventsPerSecond()));
        json.put("fingerprint", summary.fingerprint());
        try {
            Files.createDirectories(outDir);
            LedgerJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValue(outDir.resolve("summary.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports into " + outDir, e);
        }
    }
}
