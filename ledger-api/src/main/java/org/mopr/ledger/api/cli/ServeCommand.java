package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.api.run.RunService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code serve [--port N] [--db URL]}: the API, the page and the metrics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP API, the flow-of-funds page and the metrics (default port 8080).")
public class ServeCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        ConfigurableApplicationContext context = SpringRunner.start(true, db, Map.of("server.port", port));
        // A newcomer's first command should show a live page with real figures, not an empty one.
        if (context.getBean(JdbcRunRegistry.class).latestComplete("historical").isEmpty()) {
            System.out.println("the store holds no historical run yet: running it first");
            context.getBean(RunService.class).runAndReport("historical", null, null, System.out);
        }
        System.out.println("serving on http://localhost:" + context.getEnvironment().getProperty("local.server.port", String.valueOf(port))
                + "/ (API under /api, OpenAPI at /swagger-ui.html, metrics at /actuator/prometheus)");
        return LedgerCommand.KEEP_RUNNING;
    }
}
