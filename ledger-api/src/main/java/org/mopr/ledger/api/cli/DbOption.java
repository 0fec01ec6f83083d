package org.mopr.ledger.api.cli;

import picocli.CommandLine.Option;

import java.util.Map;

/** The {@code --db URL} flag shared by every subcommand that touches the store. */
public class DbOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server, e.g. jdbc:postgresql://127.0.0.1:5432/mopr?user=postgres. "
                    + "Without it, an embedded PostgreSQL keeps its data under ~/.mopr-ledger (see --data-dir).")
    String url;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded PostgreSQL (default: ~/.mopr-ledger/postgres).")
    String dataDir;

    /** Spring properties for the chosen store. */
    public void addTo(Map<String, Object> properties) {
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got '" + url + "'");
            }
            properties.put("spring.datasource.url", url);
        }
        if (dataDir != null) {
            properties.put("mopr.embedded.data-dir", dataDir);
        }
    }
}
