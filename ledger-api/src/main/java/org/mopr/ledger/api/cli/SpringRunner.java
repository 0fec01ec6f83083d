package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.LedgerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** Starts the application context a subcommand needs, with or without the web server. */
public final class SpringRunner {

    private SpringRunner() {
    }

    public static ConfigurableApplicationContext start(boolean web, DbOption db, Map<String, Object> extra,
                                                       String... profiles) {
        Map<String, Object> properties = new HashMap<>();
        if (!web) {
            // A batch command's output is its report; the framework's start-up chatter would bury it.
            properties.put("logging.level.root", "WARN");
            properties.put("spring.main.log-startup-info", "false");
        }
        // Spring's log goes to a file in the data folder; the console shows it only with --verbose.
        properties.put("logging.file.name", Console.logIn(db.folder()).toString());
        if (!Console.verbose()) {
            properties.put("logging.threshold.console", "OFF");
        }
        properties.putAll(extra);
        db.addTo(properties);
        StartupProblems.database(db.url);
        // As command-line arguments they outrank application.properties, as a user's flags should.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .profiles(profiles)
                .run(args);
    }
}
