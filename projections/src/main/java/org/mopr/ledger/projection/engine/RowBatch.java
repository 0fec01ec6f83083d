package org.mopr.ledger.projection.engine;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Rows of one statement, written as one JDBC batch. The setter binds parameters with explicit SQL types so the
 * driver never asks the server what a null should be (a round trip per row).
 */
public final class RowBatch<R> {

    @FunctionalInterface
    public interface Binder<R> {
        void bind(PreparedStatement ps, R row) throws SQLException;
    }

    private final String sql;
    private final Binder<R> binder;
    private final List<R> rows = new ArrayList<>();

    public RowBatch(String sql, Binder<R> binder) {
        this.sql = sql;
        this.binder = binder;
    }

    public void add(R row) {
        rows.add(row);
    }

    public void flush(JdbcTemplate jdbc) {
        write(jdbc, rows);
        rows.clear();
    }

    /**
     * Writes updates that must each find their row (a dissolution needs its section): one that finds none means
     * the projection missed an earlier event, and going on would hide it.
     */
    public void flushUpdates(JdbcTemplate jdbc, Function<R, String> describe) {
        if (rows.isEmpty()) {
            return;
        }
        int[][] counts = jdbc.batchUpdate(sql, rows, rows.size(), binder::bind);
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // pgjdbc reports exact counts for batched updates; SUCCESS_NO_INFO (-2) would not tell, so trust it.
                if (count == 0) {
                    throw new ProjectionException(describe.apply(rows.get(i)) + " found nothing to update");
                }
                i++;
            }
        }
        rows.clear();
    }

    /** Writes rows that a part folded elsewhere (for example the values of a sorted map of sums). */
    public void write(JdbcTemplate jdbc, Collection<R> values) {
        if (!values.isEmpty()) {
            jdbc.batchUpdate(sql, values, values.size(), binder::bind);
        }
    }
}
