package org.mopr.ledger.api.cli;

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
        System.out.println("serving on http://localhost:" + context.getEnvironment().getProperty("local.server.port", String.valueOf(port)) + "/");
        return LedgerCommand.KEEP_RUNNING;
    }
}
