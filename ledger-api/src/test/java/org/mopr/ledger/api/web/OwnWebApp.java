package org.mopr.ledger.api.web;

import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The web application on a database of its own, for the few tests that need a setting the shared {@link WebApp} must
 * not have (a short run wait, a short connection timeout) or that take its store away. It starts in seconds: it runs
 * no scenario of its own. Requests go to {@link #url(String)} through {@link Http}.
 */
final class OwnWebApp implements AutoCloseable {

    final String jdbcUrl;
    final String database;
    final ConfigurableApplicationContext context;
    final String baseUrl;
    final JdbcTemplate jdbc;

    private OwnWebApp(String jdbcUrl, ConfigurableApplicationContext context) {
        this.jdbcUrl = jdbcUrl;
        this.database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1, jdbcUrl.indexOf('?'));
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    static OwnWebApp start(String purpose, String... properties) {
        return startOn(TestPostgres.freshDatabase(purpose), properties);
    }

    /** The app on a database the test prepared (a run, a replay stopped half way). */
    static OwnWebApp startOn(String db, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + db, "--server.port=0",
                "--mopr.api.token=" + WebApp.TOKEN));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new OwnWebApp(db, new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new)));
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** A connection of the test's own to the app's database, outside the app's pool. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** A connection to the server's maintenance database, to act on the app's database from outside. */
    Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(jdbcUrl.replace("/" + database + "?", "/postgres?"));
    }

    /**
     * Holds a lock on the event table that lets every read through and stops every append, so a run started now
     * registers itself and then waits at its first batch until {@link StoreWriteLock#close()}: a run that takes
     * exactly as long as the test needs, without anything in the application knowing it is tested.
     */
    StoreWriteLock holdAppends() throws SQLException {
        Connection c = connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE domainevententry IN SHARE MODE");
        }
        return new StoreWriteLock(c);
    }

    static final class StoreWriteLock implements AutoCloseable {
        private final Connection connection;

        private StoreWriteLock(Connection connection) {
            this.connection = connection;
        }

        /** Lets the appends through; a connection the server has ended already let go of its lock. */
        @Override
        public void close() {
            try (connection) {
                connection.rollback();
            } catch (SQLException ended) {
                // Ended by the server (pg_terminate_backend): its transaction and its lock went with it.
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
