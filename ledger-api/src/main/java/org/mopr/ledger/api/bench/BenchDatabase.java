package org.mopr.ledger.api.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Where a benchmark writes: a fresh schema of its own, dropped at the end, so it never touches a real run's
 * events or projections (a replay of "every run" there rebuilds only the benchmark's). Without a server URL a
 * throwaway embedded PostgreSQL is started in a temporary directory, never the ledger's own data directory.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String schema;

    private BenchDatabase(EmbeddedPostgres embedded, String serverUrl, String schema) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    static BenchDatabase open(String dbUrl) {
        String schema = "mopr_bench_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        if (dbUrl != null) {
            return new BenchDatabase(null, dbUrl, schema);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for the benchmark; give --db URL", e);
        }
    }

    String schema() {
        return schema;
    }

    /** The server's URL with the benchmark's schema as the only one on the search path (Flyway creates it). */
    String url() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    String where() {
        return embedded != null ? "a throwaway embedded PostgreSQL, schema " + schema
                : serverUrl.replaceAll("password=[^&]*", "password=***") + ", schema " + schema;
    }

    /** As the application connects: a URL without a user means PGUSER, else postgres (application.properties). */
    static Connection connect(String url) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        if (!url.contains("user=")) {
            props.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        }
        return DriverManager.getConnection(url, props);
    }

    /** Drops the schema with every table in it (the ledger's and the plain JDBC ones), then any embedded server. */
    @Override
    public void close() {
        try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the benchmark schema " + schema + ": drop it by hand", e);
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // Its temporary directory is the operating system's to clean; nothing of the ledger's is in it.
                }
            }
        }
    }
}
