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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL for tests: the server on 127.0.0.1:5432 when it answers (CI and developers have one),
 * otherwise one embedded server per JVM. Each caller gets a fresh database, so test classes never see each
 * other's events. {@link DropTestDatabases} drops the databases a test class made when the class ends; one shared by
 * the whole JVM (the web tests' application) is made with {@link #sharedDatabase} and dropped when the JVM ends.
 */
public final class TestPostgres {

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;
    private static volatile String serverUrl;
    private static EmbeddedPostgres embedded;
    private static final Set<String> OF_THE_CLASS = ConcurrentHashMap.newKeySet();
    private static final Set<String> OF_THE_JVM = ConcurrentHashMap.newKeySet();

    private TestPostgres() {
    }

    /** A JDBC URL (with user) of a new, empty database, dropped when the test class that asked for it ends. */
    public static String freshDatabase(String purpose) {
        return create(purpose, OF_THE_CLASS);
    }

    /** A new, empty database for the whole JVM's tests, dropped when the JVM ends. */
    public static String sharedDatabase(String purpose) {
        if (OF_THE_JVM.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(OF_THE_JVM)));
        }
        return create(purpose, OF_THE_JVM);
    }

    /** Drops the databases made since the last call (by freshDatabase), closing their connections first. */
    static void dropClassDatabases() {
        drop(OF_THE_CLASS);
    }

    private static void drop(Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server() + "postgres?user=postgres");
             Statement s = c.createStatement()) {
            for (String name : Set.copyOf(names)) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                names.remove(name);
            }
        } catch (SQLException e) {
            // A database left behind costs disk, not correctness: the next run's names are new.
            System.err.println("could not drop test databases " + names + ": " + e.getMessage());
        }
    }

    private static String create(String purpose, Set<String> owner) {
        String name = ("mopr_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String server = server();
        try (Connection c = DriverManager.getConnection(server + "postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server, e);
        }
        owner.add(name);
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
