package org.mopr.ledger.projection.export;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a run's tables into a directory, one file per table, and {@code datapackage.json} beside them.
 *
 * <p>Rows are streamed from PostgreSQL with a fetch size (a cursor in a read-only transaction), so memory stays flat
 * whatever the run's size. Everything is first written into a hidden staging directory inside the target; only when
 * every file is complete are they renamed into place, {@code datapackage.json} last. A failure (a full disk, a lost
 * connection) deletes the staging directory: a reader never finds a half-written file under a final name, and a
 * directory with a {@code datapackage.json} lists files that are all whole.
 */
public final class RunExporter {

    public static final String DESCRIPTOR = "datapackage.json";
    static final int FETCH_SIZE = 10_000;

    private final DataSource dataSource;

    public RunExporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ExportResult export(ExportRun run, List<Table> tables, ExportFormat format, Path out) {
        return export(run, null, tables, format, out);
    }

    /**
     * A run's tables, an ensemble's, or both in one package: {@code run} or {@code ensemble} may be null (not both);
     * a table read by SQL needs the run.
     */
    public ExportResult export(ExportRun run, ExportEnsemble ensemble, List<Table> tables, ExportFormat format,
                               Path out) {
        if (run == null && ensemble == null) {
            throw new IllegalArgumentException("an export needs a run, an ensemble or both");
        }
        String runId = run == null ? null : run.runId();
        String what = run == null ? "ensemble " + ensemble.ensembleId() : "run " + runId
                + (ensemble == null ? "" : " with ensemble " + ensemble.ensembleId());
        Path target = prepare(out);
        Path staging;
        try {
            staging = Files.createTempDirectory(target, ".export-" + (runId != null ? runId : ensemble.ensembleId())
                    + "-");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write in " + out + ": " + e.getMessage(), e);
        }
        try {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Table table : tables) {
                if (table.sql() != null && runId == null) {
                    throw new IllegalArgumentException("table " + table.name() + " is read for a run, and " + what
                            + " names none");
                }
                rows.put(table.name(), write(runId, table, format, staging.resolve(fileName(table, format))));
            }
            DataPackage.write(run, ensemble, tables, format, rows, staging.resolve(DESCRIPTOR));
            long bytes = 0;
            List<String> names = new ArrayList<>();
            tables.forEach(t -> names.add(fileName(t, format)));
            names.add(DESCRIPTOR);
            for (String name : names) {
                bytes += Files.size(staging.resolve(name));
                move(staging.resolve(name), target.resolve(name));
            }
            return new ExportResult(target, rows, bytes);
        } catch (IOException e) {
            throw new ExportException("export of " + what + " to " + out + " failed, nothing was left: "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw new ExportException("export of " + what + " failed reading the database, nothing was left: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    public static String fileName(Table table, ExportFormat format) {
        return table.name() + "." + format.extension();
    }

    /** Makes the directory if missing; refuses a file, or a directory that cannot be written. */
    public static Path prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("--out " + out + " cannot be made: " + e, e);
        }
        if (!Files.isWritable(out)) {
            throw new IllegalArgumentException("--out " + out + " is not writable");
        }
        return out;
    }

    private long write(String runId, Table table, ExportFormat format, Path file) throws IOException, SQLException {
        long count = 0;
        try (TableWriter writer = TableWriter.open(format, table, file)) {
            if (table.rows() != null) {
                Cells.Row row = new Cells.Row();
                for (Object[] values : table.rows().apply(runId)) {
                    writer.write(row.set(values));
                    count++;
                }
                return count;
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                // The PostgreSQL driver streams with a cursor only inside a transaction.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (PreparedStatement ps = connection.prepareStatement(table.sql(), ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(FETCH_SIZE);
                    int parameters = ps.getParameterMetaData().getParameterCount();
                    for (int i = 1; i <= parameters; i++) {
                        ps.setString(i, runId);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        Cells cells = Cells.of(rs);
                        while (rs.next()) {
                            writer.write(cells);
                            count++;
                        }
                    }
                } finally {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
        return count;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a staging directory is hidden and named as such; it never looks like an export.
        }
    }
}
