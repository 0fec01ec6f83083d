package org.mopr.ledger.projection.export;

import org.mopr.ledger.shared.LedgerCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8, a header row of the field names, an empty cell for an empty value. Every cell is taken as text
 * straight from the driver (PostgreSQL sends text already), so nothing is parsed only to be printed again.
 */
final class CsvTableWriter implements TableWriter {

    private static final int BUFFER = 1 << 20;

    private final Writer out;
    private final int columns;
    private final boolean[] booleans;

    CsvTableWriter(Table table, Path file) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
        List<Field> fields = table.fields();
        columns = fields.size();
        booleans = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            booleans[c] = fields.get(c).type() == FieldType.BOOLEAN;
            LedgerCsv.cell(out, fields.get(c).name(), c == 0);
        }
        LedgerCsv.endRow(out);
    }

    @Override
    public void write(Cells row) throws IOException, SQLException {
        for (int c = 0; c < columns; c++) {
            Object v;
            if (booleans[c]) {
                // PostgreSQL's text for a boolean is t/f; readers expect true/false.
                boolean b = row.bool(c);
                v = row.wasNull() ? null : b;
            } else {
                v = row.text(c);
            }
            LedgerCsv.cell(out, v, c == 0);
        }
        LedgerCsv.endRow(out);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
