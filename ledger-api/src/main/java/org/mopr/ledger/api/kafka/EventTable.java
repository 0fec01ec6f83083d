package org.mopr.ledger.api.kafka;

import org.mopr.ledger.projection.engine.BinaryResults;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The event table (Axon's JDBC schema) read in pages by global index, with plain JDBC: what the publisher sends
 * are the stored bytes, so nothing of an event is deserialized here. One query per page on the primary key.
 */
final class EventTable {

    private static final String PAGE = "SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
            + "payloadtype, payloadrevision, payload FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT ?";

    private final JdbcTemplate jdbc;

    EventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} events with a global index above {@code after}, in index order. */
    List<EventRecords.EventRow> after(long after, int limit) {
        List<EventRecords.EventRow> rows = new ArrayList<>(limit);
        jdbc.query(connection -> {
            PreparedStatement statement = BinaryResults.request(connection.prepareStatement(PAGE));
            statement.setLong(1, after);
            statement.setInt(2, limit);
            return statement;
        }, rs -> {
            rows.add(new EventRecords.EventRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8)));
        });
        return rows;
    }
}
