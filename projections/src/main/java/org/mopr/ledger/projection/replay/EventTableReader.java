package org.mopr.ledger.projection.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mopr.ledger.projection.engine.BinaryResults;
import org.mopr.ledger.projection.engine.EventEnvelope;
import org.mopr.ledger.section.DuesCollectedJson;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the event table page by page with plain JDBC, in global order, and deserializes payloads with the same
 * serializer Axon uses, so the bulk replay hands the projections exactly the events the processor would (dues
 * through {@link DuesCollectedJson.Reader}, which gives the same events or leaves the payload to the serializer).
 * Pages are bounded by a limit: memory stays flat however large the store is.
 */
public final class EventTableReader {

    /** A stored event and whether it is recent enough that a hole before it may still be filled. */
    public record Row(EventEnvelope envelope, boolean recent) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    /** The serializer's own mapper, for dues read without data binding; null if the serializer is not Jackson's. */
    private final ObjectMapper duesMapper;

    public EventTableReader(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.duesMapper = serializer instanceof JacksonSerializer jackson ? jackson.getObjectMapper() : null;
    }

    /**
     * Events with a global index above {@code after} (and at most {@code upTo}), plus those whose index is one of
     * {@code gaps} (holes that a late commit may have filled since), optionally of one run only.
     *
     * @param recentSince events stored after this instant are "recent": Axon keeps holes before them as gaps
     */
    public List<Row> read(long after, Collection<Long> gaps, long upTo, String runId, int limit, Instant recentSince) {
        StringBuilder sql = new StringBuilder("SELECT globalindex, aggregateidentifier, sequencenumber, payloadtype, "
                + "payloadrevision, payload, timestamp >= ? AS recent FROM domainevententry WHERE ((globalindex > ?");
        if (upTo != Long.MAX_VALUE) {
            sql.append(" AND globalindex <= ?");
        }
        sql.append(')');
        if (!gaps.isEmpty()) {
            sql.append(" OR globalindex = ANY (?)");
        }
        sql.append(')');
        if (runId != null) {
            // Run ids are [a-z0-9-]: nothing in them is a LIKE wildcard.
            sql.append(" AND aggregateidentifier LIKE ?");
        }
        sql.append(" ORDER BY globalindex LIMIT ?");
        return jdbc.query(con -> {
            PreparedStatement ps = BinaryResults.request(con.prepareStatement(sql.toString()));
            int i = 1;
            // Axon writes timestamps in one ISO format in UTC, so comparing the text compares the instants.
            ps.setString(i++, DateTimeUtils.formatInstant(recentSince));
            ps.setLong(i++, after);
            if (upTo != Long.MAX_VALUE) {
                ps.setLong(i++, upTo);
            }
            if (!gaps.isEmpty()) {
                ps.setArray(i++, con.createArrayOf("bigint", gaps.toArray()));
            }
            if (runId != null) {
                ps.setString(i++, runId + "/%");
            }
            ps.setInt(i, limit);
            return ps;
        }, rs -> {
            List<Row> rows = new ArrayList<>(limit);
            DuesCollectedJson.Reader dues = duesMapper == null ? null : new DuesCollectedJson.Reader(duesMapper);
            while (rs.next()) {
                String type = rs.getString(4);
                String revision = rs.getString(5);
                byte[] bytes = rs.getBytes(6);
                Object payload = null;
                if (dues != null && revision == null && type.equals(DuesCollectedJson.TYPE)) {
                    try {
                        payload = dues.read(bytes);
                    } catch (IOException | RuntimeException e) {
                        payload = null;   // the serializer reads it, and reports what is wrong with it
                    }
                }
                if (payload == null) {
                    payload = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, revision));
                }
                EventEnvelope envelope = new EventEnvelope(rs.getLong(1), rs.getString(2), rs.getLong(3), payload);
                rows.add(new Row(envelope, rs.getBoolean(7)));
            }
            return rows;
        });
    }

    /** The highest global index stored, or -1 for an empty store. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }
}
