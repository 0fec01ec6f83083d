package org.mopr.ledger.api.bench;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** Rows of the event table's shape loaded with one binary COPY, the reference beside plain batch inserts. */
final class PlainCopy {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private PlainCopy() {
    }

    /** @param rows as PlainIngest reads them: strings, a Long sequence number and byte arrays, in column order */
    static void copy(Connection connection, String table, String columns, Object[][] rows) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.length * 768);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(HEADER);
            for (Object[] row : rows) {
                out.writeShort(row.length);
                for (Object value : row) {
                    if (value == null) {
                        out.writeInt(-1);
                    } else if (value instanceof Long n) {
                        out.writeInt(8);
                        out.writeLong(n);
                    } else {
                        byte[] data = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
                        out.writeInt(data.length);
                        out.write(data);
                    }
                }
            }
            out.writeShort(-1);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }
}
