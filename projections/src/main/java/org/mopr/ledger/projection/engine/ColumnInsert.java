package org.mopr.ledger.projection.engine;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Rows of a high-volume table (events, journal lines) written as one {@code COPY ... FROM STDIN} per batch, in the
 * caller's transaction. A batch of 5,000 events is then two statements instead of 15,000 executions of a prepared
 * insert, which was most of a replay's time; COPY rather than {@code unnest} of one array per column because the
 * server then reads plain text fields instead of parsing array literals and running a set-returning function,
 * which was half of a rebuild's time after the inserts were batched (ledger-api/BENCHMARK.md).
 */
public final class ColumnInsert<R> {

    /** A column: its name, the SQL type of its array's elements, and how a row gives its value (null allowed). */
    public record Column<R>(String name, String sqlType, Function<R, Object> value) {
    }

    private final String sql;
    private final List<Column<R>> columns;
    private final List<R> rows = new ArrayList<>();
    /** Rows encoded ahead of the write ({@link #encode}), or null. */
    private CopyText encoded;

    /** @param columns each column's SQL type documents what its values must be; COPY reads them as that type */
    public ColumnInsert(String table, List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
        StringJoiner names = new StringJoiner(", ");
        for (Column<R> c : columns) {
            names.add(c.name());
        }
        this.sql = "COPY " + table + " (" + names + ") FROM STDIN";
    }

    public void add(R row) {
        rows.add(row);
    }

    /**
     * Encodes the rows added so far into COPY's bytes, so that {@link #flush} only sends them: the bulk replay calls
     * this on its read-ahead thread, so the writing thread's transaction no longer waits for the encoding.
     */
    public void encode() {
        if (rows.isEmpty()) {
            return;
        }
        if (encoded == null) {
            encoded = new CopyText(rows.size() * 16 * columns.size());
        }
        for (R row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    encoded.tab();
                }
                encoded.field(columns.get(i).value().apply(row));
            }
            encoded.endOfRow();
        }
        rows.clear();
    }

    public void flush(JdbcTemplate jdbc) {
        encode();
        if (encoded == null) {
            return;
        }
        CopyText text = encoded;
        encoded = null;
        jdbc.execute((ConnectionCallback<Long>) con -> {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                copy.writeToCopy(text.bytes(), 0, text.length());
                return copy.endCopy();
            } catch (SQLException e) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
        });
    }
}
