package org.mopr.ledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests: the server on 127.0.0.1:5432 when it answers (CI and developers have one),
 * otherwise one embedded server per JVM. Each caller gets a fresh database, so test classes never see each
 * other's events.
 */
public final class TestPostgres {

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;
    private static volatile String serverUrl;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** A JDBC URL (with user) of a new, empty database. */
    public static String freshDatabase(String purpose) {
        String name = ("mopr_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String server = server();
        try (Connection c = DriverManager.getConnection(server + "postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server, e);
        }
        return server + name + "?user=postgres";
    }

    private static synchronized String server() {
        if (serverUrl == null) {
            serverUrl = localServerAnswers() ? "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/" : startEmbedded();
        }
        return serverUrl;
    }

    private static boolean localServerAnswers() {
        if (Boolean.getBoolean("mopr.test.embedded")) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the temporary data directory goes with it.
                }
            }));
            return "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException("neither 127.0.0.1:5432 answers nor can an embedded PostgreSQL start", e);
        }
    }
}
