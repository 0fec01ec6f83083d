package org.mopr.ledger.projection.engine;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Asks PostgreSQL's driver for a statement's results in binary from its first execution. A one-off statement is
 * otherwise sent unprepared and its bytea columns come back as hex text, which the driver decodes byte by byte:
 * reading back a run's stored payloads spent half its time there (JFR of a 500,000-event run, BENCHMARK.md).
 */
public final class BinaryResults {

    private BinaryResults() {
    }

    /** The same statement, its results asked in binary when it is PostgreSQL's (else left as it is). */
    public static PreparedStatement request(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // Negative: prepared on the server at once, with binary transfer of the types the driver reads so.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }
}
