package org.mopr.ledger.api.run;

import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.Fingerprint;
import org.mopr.ledger.simulation.run.RunStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

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

    @Override
    public Fingerprint fingerprint(RunId runId) {
        Fingerprint fingerprint = new Fingerprint(runId.value());
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        // A cursor needs a transaction in PostgreSQL, otherwise the driver reads the whole result at once.
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> streaming.query(
                        "SELECT aggregateidentifier, sequencenumber, payloadtype, payload FROM domainevententry "
                                + "WHERE aggregateidentifier LIKE ? ORDER BY globalindex",
                        rs -> {
                            fingerprint.add(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)), rs.getBytes(4));
                        }, prefix(runId)));
        return fingerprint;
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
            PreparedStatement statement = connection.prepareStatement("SELECT aggregateidentifier, sequencenumber, "
                    + "payloadtype, payload FROM domainevententry WHERE aggregateidentifier = ANY (?) ORDER BY globalindex");
            statement.setArray(1, connection.createArrayOf("text", aggregateIds.toArray()));
            return statement;
        }, rs -> {
            fingerprint.add(rs.getString(1), rs.getLong(2), simpleName(rs.getString(3)), rs.getBytes(4));
        });
        return fingerprint;
    }

    @Override
    public Map<String, Long> eventsByTypeAndOrigin(RunId runId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT payloadtype, convert_from(payload, 'UTF8')::json->'provenance'->>'origin' AS origin, count(*) "
                        + "FROM domainevententry WHERE aggregateidentifier LIKE ? GROUP BY 1, 2",
                rs -> {
                    counts.put(simpleName(rs.getString(1)) + " " + rs.getString(2), rs.getLong(3));
                }, prefix(runId));
        return counts;
    }

    /** Fingerprints must not change when a package is renamed: the event's simple name is its identity. */
    static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
