package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.testsupport.TestPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store's COPY append on a real PostgreSQL: many chunks arrive as one unit of work, and a clash on
 * (aggregate, sequence) anywhere in it still fails with the state Axon turns into a ConcurrencyException.
 */
class CopyAppendEventsTest {

    private static final Serializer JSON = JacksonSerializer.builder().objectMapper(LedgerJson.mapper()).build();
    private static String url;

    @BeforeAll
    static void store() {
        url = TestPostgres.freshDatabase("copy");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
    }

    /** Enough events of about 1 KB each to need many 64 KB chunks. */
    private static List<DomainEventMessage<?>> events(String aggregate, int from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new GenericDomainEventMessage<>("Test", aggregate, i, Map.of("n", i, "text", "x".repeat(1_000))));
        }
        return events;
    }

    /** A connection whose work commits only when the test says so, as Axon's unit of work does. */
    private static Connection inTransaction() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        return c;
    }

    private static void append(Connection c, List<DomainEventMessage<?>> events) throws SQLException {
        try (PreparedStatement copy = new CopyAppendEvents().build(c, new EventSchema(), byte[].class, events, JSON,
                null)) {
            copy.executeBatch();
        }
    }

    private static long count(Connection c, String aggregate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM domainevententry "
                + "WHERE aggregateidentifier = ?")) {
            ps.setString(1, aggregate);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aUnitOfWorkOfManyChunksIsStoredWholeAndInOrder() throws SQLException {
        try (Connection c = inTransaction()) {
            append(c, events("many", 0, 2_000));
            c.commit();
            assertThat(count(c, "many")).isEqualTo(2_000);
            try (PreparedStatement ps = c.prepareStatement("SELECT sequencenumber, payload FROM domainevententry "
                    + "WHERE aggregateidentifier = 'many' ORDER BY globalindex")) {
                try (ResultSet rs = ps.executeQuery()) {
                    long expected = 0;
                    while (rs.next()) {
                        assertThat(rs.getLong(1)).isEqualTo(expected);
                        assertThat(LedgerJson.mapper().readTree(rs.getBytes(2)).path("n").asLong()).isEqualTo(expected);
                        expected++;
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void aClashLateInALargeUnitOfWorkFailsAsADuplicateAndStoresNothingOfIt() throws SQLException {
        try (Connection c = inTransaction()) {
            append(c, events("clash", 0, 10));
            c.commit();
            // 1,990 new events, then sequence 5 again: the clash is found long after the first chunks were sent.
            List<DomainEventMessage<?>> batch = events("clash", 10, 1_990);
            batch.addAll(events("clash", 5, 1));
            assertThatThrownBy(() -> append(c, batch)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
            c.rollback();
            assertThat(count(c, "clash")).isEqualTo(10);
            // The connection is usable again: the next unit of work goes through.
            append(c, events("clash", 10, 5));
            c.commit();
            assertThat(count(c, "clash")).isEqualTo(15);
        }
    }
}
