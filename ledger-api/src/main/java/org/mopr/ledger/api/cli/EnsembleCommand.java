package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.ensemble.EnsembleReport;
import org.mopr.ledger.api.ensemble.EnsembleService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ensemble SCENARIO --members N [--vary seed,placement,rates,ranges] [--seed S] [--out DIR]}. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Run a scenario N times with its modelled figures drawn anew for each member, and store every "
                + "figure as a band (p5, p50, p95, min, max) across the members.",
                "Ctrl-C stops after the members under way: the ensemble is FAILED with the members done kept."})
public class EnsembleCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A shipped scenario name or a path to a YAML file.")
    String scenario;

    @Option(names = "--members", required = true, paramLabel = "N", description = "2 to 1,000 members.")
    int members;

    @Option(names = "--vary", paramLabel = "WORDS", defaultValue = "seed,placement",
            description = "What changes between members: seed, placement, rates, ranges (default: ${DEFAULT-VALUE}).")
    String vary;

    @Option(names = "--seed", paramLabel = "S", description = "The base seed (member i has S+i); default the scenario's.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write ensemble.json and bands.csv here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Spring's own hook would close the database under the member in flight; this one asks the loop to stop and
        // waits until the ensemble is marked FAILED with its members kept.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ensemble-stop");
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db,
                Map.of("spring.main.register-shutdown-hook", "false"))) {
            EnsembleService ensembles = context.getBean(EnsembleService.class);
            EnsembleService.Checked checked = ensembles.check(new EnsembleService.Request(scenario, seed, members, vary));
            Runtime.getRuntime().addShutdownHook(hook);
            String id = ensembles.register(checked);
            System.out.println("ensemble " + id + ": " + members + " members of " + checked.base().settings().name()
                    + ", varying " + vary + ", " + checked.base().expectedCommands() + " commands each");
            try {
                ensembles.runMembers(id, checked, System.out, stop::get, EnsembleService.Projection.BULK);
            } finally {
                finished.countDown();
            }
            EnsembleReport.print(ensembles.store(), id, System.out);
            if (out != null) {
                EnsembleReport.write(ensembles.store(), id, out);
                System.out.println("reports written to " + out.toAbsolutePath() + " (ensemble.json, bands.csv)");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
                // the JVM is already stopping, or the hook was never added: nothing to undo
            }
        }
        return 0;
    }
}
