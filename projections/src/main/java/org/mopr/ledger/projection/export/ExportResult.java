package org.mopr.ledger.projection.export;

import java.nio.file.Path;
import java.util.Map;

/** The files an export left in its directory, and the rows in each table. */
public record ExportResult(Path directory, Map<String, Long> rows, long bytes) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
