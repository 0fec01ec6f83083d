package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.reconcile.ProjectionCatchUp;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.api.web.ReconciliationReports;
import org.mopr.ledger.simulation.run.RunRegistry;
import org.mopr.ledger.simulation.run.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code serve [--port N] [--db URL]}: the API, the page and the metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP API, the flow-of-funds page and the metrics (default port 8080).")
public class ServeCommand implements Callable<Integer> {

    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    @Mixin
    DbOption db;

    @Mixin
    SourcesOption sources;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        System.out.println("starting; the log is " + Console.logIn(db.folder())
                + (Console.verbose() ? "" : " (--verbose shows it here)"));
        ConfigurableApplicationContext context = SpringRunner.start(true, db, sources.properties(Map.of("server.port", port)));
        JdbcRunRegistry registry = context.getBean(JdbcRunRegistry.class);
        RunRegistry.RunRecord run = registry.latestComplete("historical").orElse(null);
        if (run == null) {
            // A newcomer's first command should show a live page with real figures, not an empty one.
            System.out.println("the store holds no historical run yet: running it first");
            RunSummary summary = context.getBean(RunService.class).run("historical", null,
                    Console.verbose() ? System.out : new PrintStream(OutputStream.nullOutputStream()));
            context.getBean(ProjectionCatchUp.class).await(summary.runId().value(), summary.events(), CATCH_UP);
            run = registry.latestComplete("historical").orElseThrow();
        }
        String runId = run.runId().value();
        context.getBean(ProjectionReadiness.class).awaitWhole(runId, System.out::println);
        ServeSummary.print(runId, run.events(), run.fingerprint(), context.getBean(ReconciliationReports.class).of(runId),
                db.url != null ? " --db URL" : db.dataDir == null ? "" : " --data-dir " + db.dataDir, System.out);
        System.out.println("serving on http://localhost:" + context.getEnvironment().getProperty("local.server.port", String.valueOf(port))
                + "/ (API under /api, OpenAPI at /swagger-ui.html, metrics at /actuator/prometheus)");
        return LedgerCommand.KEEP_RUNNING;
    }
}
