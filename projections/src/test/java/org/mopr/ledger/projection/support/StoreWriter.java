package org.mopr.ledger.projection.support;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

/**
 * Appends events to Axon's event table as its JDBC engine writes them (payload through the same serializer), for
 * tests that need a store without the aggregates: holes, late commits, events of many runs.
 */
public final class StoreWriter {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final java.util.Map<String, Long> sequences = new java.util.HashMap<>();

    public StoreWriter(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Appends and returns the global index the store gave it. */
    public long append(Object aggregateId, Object payload) {
        String id = aggregateId.toString();
        long sequence = sequences.merge(id, 0L, (a, b) -> a + 1);
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        return jdbc.queryForObject("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?) RETURNING globalindex", Long.class,
                id, sequence, id.split("/")[1], UUID.randomUUID().toString(), "{}".getBytes(), data.getData(),
                data.getType().getName(), DateTimeUtils.formatInstant(Instant.now()));
    }

    /** Moves the global sequence on by {@code holes} numbers, as that many rolled-back inserts would. */
    public void leaveHoles(long holes) {
        jdbc.queryForObject("SELECT setval('domainevententry_globalindex_seq', "
                + "nextval('domainevententry_globalindex_seq') + ? - 1)", Long.class, holes);
    }
}
