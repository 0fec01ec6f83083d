package org.mopr.ledger.projection.support;

import org.mopr.ledger.projection.engine.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Every projection table, row for row, in a canonical order (all columns): two projections are the same exactly
 * when their snapshots are equal.
 */
public final class ProjectionSnapshot {

    private ProjectionSnapshot() {
    }

    public static Map<String, List<String>> of(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : ProjectionTables.ALL) {
            int columns = jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = ?",
                    Integer.class, table);
            StringJoiner order = new StringJoiner(", ");
            for (int i = 1; i <= columns; i++) {
                order.add(String.valueOf(i));
            }
            List<String> rows = new ArrayList<>();
            jdbc.query("SELECT * FROM " + table + " ORDER BY " + order, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringJoiner row = new StringJoiner(" | ");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(meta.getColumnName(i) + "=" + rs.getString(i));
                }
                rows.add(row.toString());
            });
            tables.put(table, rows);
        }
        return tables;
    }

    /** How many rows all tables hold together: a snapshot of empty tables proves nothing. */
    public static int rows(Map<String, List<String>> snapshot) {
        return snapshot.values().stream().mapToInt(List::size).sum();
    }
}
