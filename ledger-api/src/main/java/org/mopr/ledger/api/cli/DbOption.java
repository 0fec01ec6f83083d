package org.mopr.ledger.api.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** The {@code --db URL} flag shared by every subcommand that touches the store. */
public class DbOption {

    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of a PostgreSQL server, e.g. jdbc:postgresql://127.0.0.1:5432/mopr?user=postgres. "
                    + "Without it, an embedded PostgreSQL keeps its data in the data folder (see --data-dir).")
    String url;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data folder: the embedded PostgreSQL (in postgres/), the log (mopr-ledger.log) and the "
                    + "lock that keeps a second process off it (default: ~/.mopr-ledger).")
    String dataDir;

    /** The data folder, where the log is written whichever store is used. */
    public Path folder() {
        return (dataDir != null ? Path.of(dataDir) : Path.of(System.getProperty("user.home"), ".mopr-ledger"))
                .toAbsolutePath().normalize();
    }

    /** Spring properties for the chosen store. */
    public void addTo(Map<String, Object> properties) {
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got '" + url + "'");
            }
            properties.put("spring.datasource.url", url);
        }
        if (dataDir != null) {
            properties.put("mopr.data-dir", dataDir);
        }
    }
}
