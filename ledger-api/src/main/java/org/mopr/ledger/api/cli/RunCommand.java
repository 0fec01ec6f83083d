package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.run.RunService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.mopr.ledger.simulation.scenario.ScenarioSources;
import org.mopr.ledger.simulation.scenario.ScenarioValidator;
import java.util.concurrent.Callable;

/** {@code run SCENARIO [--seed N] [--db URL] [--out DIR]}: validate, run into the store, summarise, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (a shipped name such as 'historical', or a YAML file) into the event store.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A shipped scenario name or a path to a YAML file.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write summary.json and the reconciliation (json, csv) here.")
    Path out;

    @Option(names = "--hold-out", paramLabel = "ID", arity = "1..*", description = "Compile without these claims (and "
            + "the claims stating the same figures) and check each against what the rest of the record gives.")
    List<String> holdOut = new ArrayList<>();

    @Option(names = "--keep", description = "Store a held-out run (named SCENARIO-holdout) instead of folding it in memory.")
    boolean keep;

    @Override
    public Integer call() {
        // The scenario's own source folders join the catalog, which is loaded once as the application starts.
        ScenarioSource source = ScenarioReader.source(scenario);
        List<Path> scenarioSources = ScenarioSources.folders(source);
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db,
                sources.properties(Map.of(), scenarioSources))) {
            RunService runs = context.getBean(RunService.class);
            boolean heldOut = !holdOut.isEmpty() || !ScenarioValidator.validate(ScenarioReader.parse(source), source)
                    .holdOut().isEmpty();
            if (heldOut && !keep) {
                runs.foldHeldOut(source, seed, holdOut, System.out);
            } else {
                runs.runAndReport(scenario, seed, holdOut, out, System.out);
            }
        }
        return 0;
    }
}
