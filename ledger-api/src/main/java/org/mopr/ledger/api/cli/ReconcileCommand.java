package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.reconcile.HoldOutService;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.projection.reconciliation.HoldOuts;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.projection.reconciliation.Basis;
import org.mopr.ledger.projection.reconciliation.ReconciliationFormat;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code reconcile [--run RUN] [--format text|json|csv] [--basis BASIS] [--leave-one-out KIND]}: every documented claim against the run's projections. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Check every documented claim against the projections of a run (default: the latest historical run).",
                "Only projections that hold the whole run are reported on: it waits for projections behind the store "
                        + "(mopr.projection.read-wait), and refuses a run a replay is rebuilding, or a RUNNING or FAILED run."})
public class ReconcileCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Option(names = "--run", paramLabel = "RUN", description = "The run id (default: the latest complete historical run).")
    String run;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--basis", paramLabel = "BASIS", description = "Only the lines of one basis: round-trip, conservation "
            + "or independent.")
    String basis;

    @Option(names = "--leave-one-out", paramLabel = "KIND", description = "Hold out every claim of a kind (COUNT, MONEY, "
            + "DATE) in turn from the run's scenario, folded in memory (one compile per claim, nothing written), and print "
            + "what the rest of the record predicts for each.")
    String leaveOneOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReconciliationFormat chosen = ReconciliationFormat.parse(format);
        Basis only = basis == null ? null : Basis.parse("--basis", basis);
        org.mopr.ledger.catalog.ClaimKind kind = leaveOneOut == null ? null : HoldOutService.kind(leaveOneOut);
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, sources.properties(Map.of()))) {
            JdbcRunRegistry runs = context.getBean(JdbcRunRegistry.class);
            String runId = run != null ? run : runs.latestComplete("historical").map(r -> r.runId().value())
                    .orElseThrow(() -> new DomainException("the store holds no complete historical run: run 'run historical' first"));
            if (runs.find(RunId.of(runId)).isEmpty()) {
                throw new DomainException("unknown run '" + runId + "'");
            }
            context.getBean(ProjectionReadiness.class).awaitWhole(runId, line -> spec.commandLine().getErr().println(line));
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            Reconciliation full = context.getBean(ReconciliationService.class).of(runId);
            if (kind != null) {
                List<Line> lines = context.getBean(HoldOutService.class).leaveOneOut(runId, kind, full);
                PrintWriter table = new PrintWriter(out);
                table.println("leave-one-out of " + kind + " claims against run " + runId
                        + " (each compiled without the claim and claims stating the same figure, folded in memory):");
                HoldOuts.table(lines, List.of(), table);
                return 0;
            }
            chosen.write(full.only(only), out);
            out.flush();
        }
        return 0;
    }
}
