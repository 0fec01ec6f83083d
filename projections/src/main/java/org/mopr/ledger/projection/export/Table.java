package org.mopr.ledger.projection.export;

import java.util.List;
import java.util.function.Function;

/**
 * One tidy table of an export: its schema (for datapackage.json and the Parquet file) and where its rows come from,
 * either one SQL query whose every {@code ?} is the run id (streamed with a fetch size) or rows held in memory
 * (small tables computed in Java: the catalog, the reconciliation).
 */
public record Table(String name, String description, List<Field> fields, List<String> primaryKey,
                    List<ForeignKey> foreignKeys, String sql, Function<String, List<Object[]>> rows) {

    /** {@code fields} of this table referring to {@code referenceFields} of the table {@code resource}. */
    public record ForeignKey(List<String> fields, String resource, List<String> referenceFields) {
    }

    public Table {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        if ((sql == null) == (rows == null)) {
            throw new IllegalArgumentException("table " + name + " needs either a query or rows");
        }
    }

    public static Table query(String name, String description, List<Field> fields, List<String> primaryKey,
                              List<ForeignKey> foreignKeys, String sql) {
        return new Table(name, description, fields, primaryKey, foreignKeys, sql, null);
    }

    public static Table computed(String name, String description, List<Field> fields, List<String> primaryKey,
                                 List<ForeignKey> foreignKeys, Function<String, List<Object[]>> rows) {
        return new Table(name, description, fields, primaryKey, foreignKeys, null, rows);
    }

    public Table withFields(List<Field> more) {
        return new Table(name, description, more, primaryKey, foreignKeys, sql, rows);
    }
}
