package org.mopr.ledger.api.run;

import org.mopr.ledger.projection.engine.BinaryResults;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.Fingerprint;
import org.mopr.ledger.simulation.run.RunStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.Collection;

/** Reads a run's events back from Axon's table with plain JDBC, streaming, for its fingerprint and counts. */
@Component
public class JdbcRunStore implements RunStore {

    private static final int FETCH_SIZE = 5_000;
    private final JdbcTemplate jdbc;

    public JdbcRunStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Aggregate ids start with the run id and a slash. LIKE on that prefix uses the unique index only under the "C"
     * collation; elsewhere it scans the event table, which a single run's read-back can afford and an ensemble's
     * members cannot (they read back by their aggregate ids, below).
     */
    static String prefix(RunId runId) {
        return runId.value() + "/%";
    }

    /** One streaming read of the run's events, in store order, with their payloads in binary (BinaryResults). */
    @Override
    public Contents contents(RunId runId) {
        Fingerprint fingerprint = new Fingerprint(runId.value());
        OriginCounts origins = new OriginCounts();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        // A cursor needs a transaction in PostgreSQL, otherwise the driver reads the whole result at once.
        try (ReadBackLane lane = new ReadBackLane("read-back-" + runId.value(), row -> {
            fingerprint.add(row.aggregateId(), row.sequence(), row.payloadType(), row.payload());
            origins.add(row.payloadType(), row.payload());
        })) {
            new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()))
                    .executeWithoutResult(status -> streaming.query(connection -> {
                        PreparedStatement statement = BinaryResults.request(connection.prepareStatement(
                                "SELECT aggregateidentifier, sequencenumber, payloadtype, payload FROM domainevententry "
                                        + "WHERE aggregateidentifier LIKE ? ORDER BY globalindex"));
                        statement.setString(1, prefix(runId));
                        return statement;
                    }, rs -> {
                        lane.add(new ReadBackLane.Row(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)),
                                rs.getBytes(4)));
                    }));
            lane.finish();
        }
        return new Contents(fingerprint, origins.sorted());
    }

    /**
     * The same fingerprint read by the run's aggregate ids rather than by its prefix: {@code LIKE 'run/%'} is a scan of
     * the whole event table wherever the database's collation is not "C" (C.UTF-8 included), which made each
     * ensemble member's read-back grow with the store; equality on the ids is the unique index's own lookup. The
     * caller names every aggregate the run's commands targeted (events are applied by an aggregate to itself only).
     */
    public Fingerprint fingerprint(RunId runId, Collection<String> aggregateIds) {
        String prefix = runId.value() + "/";
        for (String id : aggregateIds) {
            if (!id.startsWith(prefix)) {
                throw new IllegalArgumentException("aggregate " + id + " is not one of run " + runId + "'s");
            }
        }
        Fingerprint fingerprint = new Fingerprint(runId.value());
        jdbc.query(connection -> {
            PreparedStatement statement = BinaryResults.request(connection.prepareStatement("SELECT aggregateidentifier, "
                    + "sequencenumber, payloadtype, payload FROM domainevententry WHERE aggregateidentifier = ANY (?) "
                    + "ORDER BY globalindex"));
            statement.setArray(1, connection.createArrayOf("text", aggregateIds.toArray()));
            return statement;
        }, rs -> {
            fingerprint.add(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)), rs.getBytes(4));
        });
        return fingerprint;
    }

    /** Fingerprints must not change when a package is renamed: the event's simple name is its identity. */
    static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
