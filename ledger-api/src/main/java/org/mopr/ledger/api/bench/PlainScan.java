package org.mopr.ledger.api.bench;

import org.mopr.ledger.projection.engine.BinaryResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The yardstick of replay: one streaming scan of the event table with plain JDBC that turns every payload back
 * into its event with the ledger's own JSON mapper, and nothing else. Whatever a rebuild costs beyond this is
 * the cost of writing the projections and of the framework.
 */
final class PlainScan {

    private static final int FETCH_SIZE = 5_000;

    private final DataSource dataSource;
    /** Every event's hash summed: the scan uses what it read, so the JIT cannot drop the work of reading it. */
    private long checksum;

    PlainScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns the number of events read; fails if a payload does not deserialize. */
    long run() throws Exception {
        PayloadReaders readers = new PayloadReaders();
        long events = 0;
        try (Connection c = dataSource.getConnection()) {
            // A cursor needs a transaction in PostgreSQL; without one the driver reads the whole result at once.
            c.setAutoCommit(false);
            // Payloads in binary, as the ledger's own readers ask for them: hex text would make the yardstick slower.
            try (PreparedStatement s = BinaryResults.request(c.prepareStatement(
                    "SELECT payloadtype, payload FROM domainevententry ORDER BY globalindex"))) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Object event = readers.read(rs.getString(1), rs.getBytes(2));
                        checksum += event.hashCode();
                        events++;
                    }
                }
            }
            c.commit();
        }
        return events;
    }

    long checksum() {
        return checksum;
    }
}
