package org.mopr.ledger.api.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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
            try (Statement s = c.createStatement()) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery("SELECT payloadtype, payload FROM domainevententry ORDER BY globalindex")) {
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
