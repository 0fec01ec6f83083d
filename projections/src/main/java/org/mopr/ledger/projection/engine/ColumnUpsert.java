package org.mopr.ledger.projection.engine;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * Folded sums upserted as one statement per batch: {@code INSERT ... SELECT FROM unnest(one text array per column)
 * ON CONFLICT ... DO UPDATE}, instead of one execution of a prepared upsert per row. A batch of many runs' events
 * (an ensemble's members, each its own run and so its own keys) has about as many keys as events, and the server's
 * work per executed statement was then most of a bulk projection (ledger-api/BENCHMARK.md, "Ensembles"). The rows'
 * keys must be distinct within a batch (they come from a map), since one statement cannot update a row twice; they
 * are written in the order given, so batches sorted by key still take their row locks in one order.
 */
public final class ColumnUpsert<R> {

    private final String sql;
    private final List<ColumnInsert.Column<R>> columns;

    /**
     * @param table    the table, aliased {@code t} for {@code onConflict}
     * @param columns  each column's SQL type: the text arrays' elements are cast to it
     * @param onConflict the statement's {@code ON CONFLICT (...) DO UPDATE SET ...} clause
     */
    public ColumnUpsert(String table, List<ColumnInsert.Column<R>> columns, String onConflict) {
        this.columns = List.copyOf(columns);
        StringJoiner names = new StringJoiner(", ");
        StringJoiner casts = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            names.add(columns.get(i).name());
            casts.add("c" + i + "::" + columns.get(i).sqlType());
            arrays.add("?::text[]");
        }
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            aliases.add("c" + i);
        }
        this.sql = "INSERT INTO " + table + " AS t (" + names + ") SELECT " + casts + " FROM unnest(" + arrays
                + ") AS u(" + aliases + ") " + onConflict;
    }

    /** Upserts {@code rows} in one statement; nothing for none. */
    public void write(JdbcTemplate jdbc, Collection<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String[][] values = new String[columns.size()][rows.size()];
        int r = 0;
        for (R row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                Object value = columns.get(c).value().apply(row);
                values[c][r] = value == null ? null : value.toString();
            }
            r++;
        }
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            for (int c = 0; c < columns.size(); c++) {
                ps.setArray(c + 1, con.createArrayOf("text", values[c]));
            }
            return ps;
        });
    }
}
