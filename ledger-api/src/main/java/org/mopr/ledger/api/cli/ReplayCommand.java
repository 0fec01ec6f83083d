package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.shared.RunId;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code replay [--run RUN] [--db URL]}: drop and rebuild the projections from the event store. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Drop and rebuild every projection from the event store (every run, or only RUN's rows), "
                + "printing progress and the rate.",
                "A replay that was stopped half way resumes where it stopped when started again."})
public class ReplayCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Option(names = "--run", paramLabel = "RUN", description = "Rebuild only this run's rows; the other runs stay as they are.")
    String run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (run != null) {
            RunId.of(run);   // a malformed id is refused before anything starts
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = SpringRunner.start(false, db, sources.properties(Map.of()))) {
            context.getBean(ReplayService.class).replay(run, line -> {
                out.println(line);
                out.flush();
            });
        }
        return 0;
    }
}
