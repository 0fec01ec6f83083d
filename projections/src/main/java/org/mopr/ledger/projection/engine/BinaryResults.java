package org.mopr.ledger.projection.engine;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Asks PostgreSQL's driver for a statement's results in binary from its first execution. The driver prepares a
 * statement on the server, and reads its results in binary, only from its fifth execution on one connection; before
 * that bytea columns come back as hex text, decoded byte by byte: reading back a run's stored payloads spent half its
 * time there (JFR of a 500,000-event run, BENCHMARK.md). Used wherever payloads are read in bulk, the benchmark's
 * plain yardsticks included, so that they are not made slower than a plain client needs to be.
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
