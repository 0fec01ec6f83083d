package org.mopr.ledger.projection.engine;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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

    public void flush(JdbcTemplate jdbc) {
        write(jdbc, rows);
        rows.clear();
    }

    private void write(JdbcTemplate jdbc, Collection<R> values) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(values.size() * 64 * columns.size() / 4);
        for (R row : values) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendField(text, columns.get(i).value().apply(row));
            }
            text.append('\n');
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data));
            } catch (IOException e) {
                throw new SQLException("COPY of " + values.size() + " rows could not be sent: " + e.getMessage(), e);
            }
        });
    }

    /** COPY's text format: null is \N; backslash, tab, newline and carriage return are escaped. */
    private static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String s = value.toString();   // numbers and ISO dates (LocalDate.toString) are what COPY reads back
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
