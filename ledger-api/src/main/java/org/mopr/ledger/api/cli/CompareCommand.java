package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.projection.compare.RunComparison;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.shared.RunId;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code compare RUN_A RUN_B}: what differs between two runs, figure by figure, and which reconciliations change. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two runs figure by figure and list the reconciliation lines that change.",
                "Only projections that hold the whole of both runs are compared: it waits for projections behind the "
                        + "store (mopr.projection.read-wait), and refuses a run a replay is rebuilding, or a RUNNING or FAILED run."})
public class CompareCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Parameters(index = "0", paramLabel = "RUN_A")
    String runA;

    @Parameters(index = "1", paramLabel = "RUN_B")
    String runB;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--figure", paramLabel = "PREFIX", description = "For two ensembles: only figures under this "
            + "prefix (aid, aid/IT, membership/ALL, ...).")
    String figure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new DomainException("unknown format '" + format + "': use text or json");
        }
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, sources.properties(Map.of()))) {
            EnsembleService ensembles = context.getBean(EnsembleService.class);
            if (ensembles.store().find(runA).isPresent() && ensembles.store().find(runB).isPresent()) {
                return compareEnsembles(ensembles);
            }
            JdbcRunRegistry runs = context.getBean(JdbcRunRegistry.class);
            for (String run : new String[]{runA, runB}) {
                if (runs.find(RunId.of(run)).isEmpty()) {
                    throw new DomainException("unknown run '" + run + "'");
                }
            }
            for (String run : new String[]{runA, runB}) {
                context.getBean(ProjectionReadiness.class).awaitWhole(run, line -> spec.commandLine().getErr().println(line));
            }
            RunComparison.Comparison c = context.getBean(RunComparison.class).compare(runA, runB);
            if (format.equals("json")) {
                System.out.println(LedgerJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(c));
                return 0;
            }
            System.out.println("compare " + runA + " (a) with " + runB + " (b): " + c.figures().size() + " of "
                    + c.figuresCompared() + " figures differ, " + c.reconciliation().size() + " reconciliation lines change");
            c.figures().forEach(f -> System.out.println("  " + f.figure() + ": " + f.a() + " -> " + f.b()
                    + (f.difference() != null ? " (" + (f.difference().startsWith("-") ? "" : "+") + f.difference() + ")" : "")));
            c.reconciliation().forEach(r -> System.out.println("  reconciliation " + r.claimId() + ": " + r.statusA()
                    + " -> " + r.statusB() + (java.util.Objects.equals(r.actualA(), r.actualB()) ? ""
                    : " (actual " + r.actualA() + " -> " + r.actualB() + ")")));
        }
        return 0;
    }

    /** Two ensembles: per figure the band of b - a member by member, and whether b's p50 leaves a's p5..p95. */
    private int compareEnsembles(EnsembleService ensembles) throws Exception {
        var diff = ensembles.compare(runA, runB, figure);
        if (format.equals("json")) {
            System.out.println(LedgerJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(diff));
            return 0;
        }
        long outside = diff.stream().filter(d -> d.outsideBaseBand()).count();
        System.out.println("compare ensembles " + runA + " (a) with " + runB + " (b): " + diff.size() + " figures, " + outside
                + " where b's p50 lies outside a's p5..p95 (an effect beyond the base's own spread)");
        diff.stream().filter(d -> d.outsideBaseBand()).forEach(d -> System.out.println("  " + d.figure() + ": a p5..p95 "
                + d.base().p5() + ".." + d.base().p95() + ", b p50 " + d.other().p50() + ", b - a p5/p50/p95 "
                + d.difference().p5() + "/" + d.difference().p50() + "/" + d.difference().p95()));
        return 0;
    }
}
