package org.mopr.ledger.api.cli;

import org.springframework.boot.web.server.PortInUseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Start-up failures a user can fix, told in one line with the cause and the fix, where Spring would print a bean
 * chain and a hundred stack frames with the cause at the end. Anything not recognised here is an internal error.
 */
final class StartupProblems {

    private static volatile String database;

    private StartupProblems() {
    }

    /** The --db URL of this process (null for the embedded store), shown without its parameters (they may hold a password). */
    static void database(String url) {
        database = url == null ? null : url.replaceFirst("\\?.*$", "");
    }

    static Optional<String> explain(Throwable failure) {
        String where = database == null ? "the embedded database" : "the database at " + database;
        String fix = database == null ? "" : ", or pass another --db URL";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortInUseException port) {
                return Optional.of("port " + port.getPort() + " is already in use: stop what listens there, or pass "
                        + "another --port");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("3D000")) {
                    return Optional.of(where + " does not exist (" + firstLine(sql) + "): create it (createdb NAME)" + fix);
                }
                if (state.startsWith("28")) {
                    return Optional.of(where + " refused the login (" + firstLine(sql) + "): check the user and "
                            + "password" + fix);
                }
                if (state.startsWith("08")) {
                    return Optional.of("cannot connect to " + where + " (" + firstLine(sql) + "): start PostgreSQL "
                            + "there" + fix);
                }
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return Optional.of("cannot connect to " + where + " (" + t + "): start PostgreSQL there" + fix);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
