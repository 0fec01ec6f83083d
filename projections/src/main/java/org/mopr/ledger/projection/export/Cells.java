package org.mopr.ledger.projection.export;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The current row, read column by column with typed getters (0-based), so a writer takes a long as a long straight
 * from the driver's buffer: no row object, no boxing, per row. {@link #wasNull()} tells whether the last read was empty.
 */
public interface Cells {

    String text(int column) throws SQLException;

    long integer(int column) throws SQLException;

    boolean bool(int column) throws SQLException;

    boolean wasNull() throws SQLException;

    static Cells of(ResultSet rs) {
        return new Cells() {
            @Override
            public String text(int column) throws SQLException {
                return rs.getString(column + 1);
            }

            @Override
            public long integer(int column) throws SQLException {
                return rs.getLong(column + 1);
            }

            @Override
            public boolean bool(int column) throws SQLException {
                return rs.getBoolean(column + 1);
            }

            @Override
            public boolean wasNull() throws SQLException {
                return rs.wasNull();
            }
        };
    }

    /** A row held in memory: nulls, Strings, Numbers, Booleans and anything else by its {@code toString()}. */
    final class Row implements Cells {
        private Object[] values;
        private boolean lastNull;

        public Row set(Object[] row) {
            this.values = row;
            return this;
        }

        @Override
        public String text(int column) {
            Object v = values[column];
            lastNull = v == null;
            return v == null ? null : v.toString();
        }

        @Override
        public long integer(int column) {
            Object v = values[column];
            lastNull = v == null;
            return v == null ? 0 : ((Number) v).longValue();
        }

        @Override
        public boolean bool(int column) {
            Object v = values[column];
            lastNull = v == null;
            return v != null && (Boolean) v;
        }

        @Override
        public boolean wasNull() {
            return lastNull;
        }
    }
}
