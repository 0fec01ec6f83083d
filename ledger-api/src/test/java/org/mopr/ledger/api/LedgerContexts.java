package org.mopr.ledger.api;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Starts the real application (no web server) on a given database, as the command line does. */
public final class LedgerContexts {

    private LedgerContexts() {
    }

    public static ConfigurableApplicationContext start(String jdbcUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
