package org.mopr.ledger.projection.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Writes the rows of one table to one file; {@link #close()} finishes the file (a Parquet footer, a flush). */
public interface TableWriter extends Closeable {

    void write(Cells row) throws IOException, SQLException;

    static TableWriter open(ExportFormat format, Table table, Path file) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(table, file);
            case PARQUET -> new ParquetTableWriter(table, file);
        };
    }
}
