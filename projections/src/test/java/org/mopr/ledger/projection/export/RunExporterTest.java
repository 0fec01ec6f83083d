package org.mopr.ledger.projection.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export's file handling, with tables computed in memory (no database needed). */
class RunExporterTest {

    private static final ExportRun RUN = new ExportRun("test-s1", "test", 1, 2, "abc");

    private static Table table(String name, List<Object[]> rows) {
        return Table.computed(name, "a table", List.of(
                Field.key("id", FieldType.INTEGER, "id"),
                Field.text("label", "a label"),
                Field.date("day", "a day"),
                new Field("flag", FieldType.BOOLEAN, "a flag", null, false)),
                List.of("id"), List.of(), run -> rows);
    }

    @Test
    void csv_quotes_what_needs_quoting_and_leaves_empty_cells_empty(@TempDir Path dir) throws IOException {
        List<Object[]> rows = List.of(new Object[] {1L, "plain", "1923-01-10", true},
                new Object[] {2L, "a, \"quoted\"\nline", null, null});
        ExportResult result = new RunExporter(null).export(RUN, List.of(table("things", rows)), ExportFormat.CSV, dir);
        assertThat(result.rows()).containsEntry("things", 2L);
        assertThat(Files.readString(dir.resolve("things.csv"))).isEqualTo(
                "id,label,day,flag\r\n1,plain,1923-01-10,true\r\n2,\"a, \"\"quoted\"\"\nline\",,\r\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("things.csv",
                    RunExporter.DESCRIPTOR);
        }
    }

    @Test
    void a_failure_half_way_leaves_nothing_not_even_the_tables_already_written(@TempDir Path dir) {
        List<Object[]> failing = new ArrayList<>() {
            @Override
            public java.util.Iterator<Object[]> iterator() {
                return Stream.<Object[]>iterate(new Object[] {1L, "x", null, null}, r -> {
                    if ((Long) r[0] == 1000) {
                        throw new UncheckedIOException(new IOException("No space left on device"));
                    }
                    return new Object[] {(Long) r[0] + 1, "x", null, null};
                }).iterator();
            }
        };
        for (ExportFormat format : ExportFormat.values()) {
            assertThatThrownBy(() -> new RunExporter(null).export(RUN,
                    List.of(table("first", List.<Object[]>of(new Object[] {1L, "a", null, null})), table("second", failing)),
                    format, dir)).hasMessageContaining("No space left on device");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no file and no staging directory left").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void an_out_that_is_a_file_is_refused_before_anything_is_written(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> new RunExporter(null).export(RUN, List.of(table("t", List.of())), ExportFormat.CSV, file))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--out " + file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void days_become_the_epoch_days_of_java_time() {
        for (String day : new String[] {"1970-01-01", "1922-11-30", "1932-12-31", "2000-02-29", "1600-03-01", "0001-01-01"}) {
            assertThat(ParquetTableWriter.epochDay(day)).as(day).isEqualTo((int) LocalDate.parse(day).toEpochDay());
        }
    }

    @Test
    void a_format_is_csv_or_parquet() {
        assertThat(ExportFormat.parse("PARQUET")).isEqualTo(ExportFormat.PARQUET);
        assertThatThrownBy(() -> ExportFormat.parse("xlsx")).hasMessage("unknown export format 'xlsx': csv or parquet");
    }
}
