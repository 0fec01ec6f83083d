package org.mopr.ledger.api.bench;

import org.mopr.ledger.projection.export.ExportFormat;
import org.mopr.ledger.projection.export.ExportResult;
import org.mopr.ledger.projection.export.ExportRun;
import org.mopr.ledger.projection.export.LedgerTables;
import org.mopr.ledger.projection.export.RunExporter;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The export of a run's events against PostgreSQL's own {@code COPY (SELECT ...) TO STDOUT (FORMAT csv)} of the very
 * same query, both writing to a file in the same temporary directory: what the export adds to the database's own
 * fastest way out is the driver, the row loop and the file format. COPY runs before and after the exports; the faster
 * of its two runs is the yardstick (the slower one is printed), so a cold cache counts against the export, not for it.
 */
public final class ExportBench {

    private final DataSource dataSource;
    private final PrintStream out;

    public ExportBench(DataSource dataSource, PrintStream out) {
        this.dataSource = dataSource;
        this.out = out;
    }

    /** Returns the ratios export / COPY (rows per second) for CSV and Parquet. */
    public double[] run(ExportRun run) {
        Path dir;
        try {
            dir = Files.createTempDirectory("mopr-export-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (HeapWatch heap = new HeapWatch()) {
            out.printf(Locale.ROOT, "export bench: run %s, %,d events; machine: %d cores, load average %.1f before%n",
                    run.runId(), run.events(), Runtime.getRuntime().availableProcessors(), load());
            heap.takePeak();
            double copyFirst = timedCopy(run.runId(), dir, heap, "copy");
            double csv = timedExport(run, ExportFormat.CSV, dir, heap);
            double parquet = timedExport(run, ExportFormat.PARQUET, dir, heap);
            double copySecond = timedCopy(run.runId(), dir, heap, "copy again");
            double copy = Math.max(copyFirst, copySecond);
            double[] ratios = {csv / copy, parquet / copy};
            out.printf(Locale.ROOT, "load average %.1f after; max heap %d MB%n", load(), HeapWatch.maxHeap() >> 20);
            out.printf(Locale.ROOT, "ratios: csv=%.2f parquet=%.2f%n", ratios[0], ratios[1]);
            return ratios;
        } finally {
            delete(dir);
        }
    }

    private double timedCopy(String runId, Path dir, HeapWatch heap, String label) {
        long start = System.nanoTime();
        long rows = copy(runId, dir.resolve("copy.csv"));
        return report(label, rows, start, heap, "COPY (the events query) TO STDOUT (FORMAT csv) into a file");
    }

    private double timedExport(ExportRun run, ExportFormat format, Path dir, HeapWatch heap) {
        long start = System.nanoTime();
        ExportResult result = new RunExporter(dataSource).export(run, List.of(LedgerTables.events()), format,
                dir.resolve(format.extension()));
        long rows = result.rows().get("events");
        if (rows != run.events()) {
            throw new IllegalStateException("the export wrote " + rows + " events, the run has " + run.events());
        }
        return report("export " + format.extension(), rows, start, heap,
                "events table with datapackage.json, " + (result.bytes() >> 20) + " MB");
    }

    private double report(String label, long rows, long start, HeapWatch heap, String what) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = rows / seconds;
        out.printf(Locale.ROOT, "%-14s %,11d rows in %7.2f s = %,9.0f rows/s  peak heap %4d MB  (%s)%n", label, rows,
                seconds, perSecond, heap.takePeak() >> 20, what);
        return perSecond;
    }

    private long copy(String runId, Path file) {
        if (!runId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a run id: '" + runId + "'");
        }
        // COPY takes no parameters: the run id (checked above) is written into the query.
        String sql = "COPY (" + LedgerTables.EVENTS_SQL.replace("run_id = ?", "run_id = '" + runId + "'")
                + ") TO STDOUT (FORMAT csv, HEADER)";
        try (Connection connection = dataSource.getConnection();
             OutputStream to = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, to);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of the events failed: " + e.getMessage(), e);
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
