package org.mopr.ledger.api.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.web.Http;
import org.mopr.ledger.api.web.WebApp;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.export.ExportFormat;
import org.mopr.ledger.projection.export.ExportResult;
import org.mopr.ledger.projection.export.RunExporter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The historical run exported in both formats, read back by an independent reader (DuckDB). */
class ExportTest {

    @TempDir
    static Path dir;

    static WebApp app;
    static ExportResult csv;
    static ExportResult parquet;

    @BeforeAll
    static void export() {
        app = WebApp.get();
        ExportService exports = app.context.getBean(ExportService.class);
        csv = exports.export(app.run(), ExportFormat.CSV, dir.resolve("csv"), line -> { });
        parquet = exports.export(app.run(), ExportFormat.PARQUET, dir.resolve("parquet"), line -> { });
    }

    @Test
    void every_parquet_file_reads_back_in_duckdb_with_the_rows_of_the_csv_and_of_the_api() throws Exception {
        assertThat(parquet.rows().keySet()).containsExactly("events", "journal", "membership", "sections", "income",
                "aid", "flows", "balances", "rates", "reconciliation", "claims", "conflicts");
        assertThat(parquet.rows()).isEqualTo(csv.rows());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (Map.Entry<String, Long> table : parquet.rows().entrySet()) {
                Path file = dir.resolve("parquet").resolve(table.getKey() + ".parquet");
                assertThat(one(s, "SELECT count(*) FROM read_parquet('" + file + "')")).as(table.getKey())
                        .isEqualTo(table.getValue());
                Path csvFile = dir.resolve("csv").resolve(table.getKey() + ".csv");
                assertThat(one(s, "SELECT count(*) FROM read_csv('" + csvFile + "', header = true)"))
                        .as(table.getKey()).isEqualTo(table.getValue());
            }
            assertThat(parquet.rows().get("events")).isEqualTo(app.historical.events())
                    .isEqualTo(Http.get("/api/runs/" + app.run()).json().path("events").asLong());
            assertThat(parquet.rows().get("claims")).isEqualTo(app.context.getBean(Catalog.class).size());
            JdbcTemplate jdbc = app.jdbc;
            String run = app.run();
            assertThat(parquet.rows().get("journal")).isEqualTo(
                    jdbc.queryForObject("SELECT count(*) FROM proj_journal WHERE run_id = ?", Long.class, run));

            String journal = "read_parquet('" + dir.resolve("parquet/journal.parquet") + "')";
            assertThat(one(s, "SELECT count(DISTINCT currency) FROM " + journal)).isGreaterThan(1);
            assertThat(one(s, "SELECT count(*) FROM (SELECT currency, sum(amount_minor) AS total FROM " + journal
                    + " GROUP BY currency) WHERE total <> 0")).as("currencies whose postings do not sum to zero").isZero();
            assertThat(one(s, "SELECT count(*) FROM (SELECT global_index, currency FROM " + journal
                    + " GROUP BY 1, 2 HAVING sum(amount_minor) <> 0)")).as("events that do not balance").isZero();

            // The series split by origin add up to the projections the API serves.
            assertThat(sum(s, "income")).isEqualTo(total(jdbc, "proj_income_month", "amount_minor"));
            assertThat(sum(s, "flows")).isEqualTo(total(jdbc, "proj_flow_month", "amount_minor"));
            assertThat(sum(s, "aid")).isEqualTo(total(jdbc, "proj_aid_month", "amount_minor"));
            assertThat(one(s, "SELECT count(*) FROM read_parquet('" + dir.resolve("parquet/events.parquet")
                    + "') WHERE origin IS NULL OR event_date IS NULL")).isZero();
            // Money is stored as integers, never as floating point.
            try (ResultSet rs = s.executeQuery("SELECT column_type FROM (DESCRIBE SELECT * FROM " + journal
                    + ") WHERE column_name = 'amount_minor'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("BIGINT");
            }
        }
    }

    @Test
    void the_data_package_validates_against_the_data_package_schema_and_names_the_run() throws IOException {
        for (String format : new String[] {"csv", "parquet"}) {
            JsonNode descriptor = new ObjectMapper().readTree(dir.resolve(format).resolve(RunExporter.DESCRIPTOR).toFile());
            String profile = descriptor.path("profile").asText();
            assertThat(profile).as(format).isEqualTo(format.equals("csv") ? "tabular-data-package" : "data-package");
            Set<ValidationMessage> errors = publishedProfile(profile).validate(descriptor);
            assertThat(errors).as(format).isEmpty();
            // The profile does bite: a package without resources is refused by both.
            JsonNode broken = descriptor.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("resources");
            assertThat(publishedProfile(profile).validate(broken)).as(format + " without resources").isNotEmpty();
            if (profile.equals("tabular-data-package")) {
                JsonNode untyped = descriptor.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) untyped.path("resources").get(0).path("schema")
                        .path("fields").get(0)).put("type", "money");
                assertThat(publishedProfile(profile).validate(untyped)).as("a field type Table Schema lacks").isNotEmpty();
            }
            assertThat(descriptor.path("run").path("fingerprint").asText())
                    .isEqualTo(Http.get("/api/runs/" + app.run()).json().path("fingerprint").asText()).isNotBlank();
            for (JsonNode resource : descriptor.path("resources")) {
                assertThat(dir.resolve(format).resolve(resource.path("path").asText())).exists();
            }
        }
        try (Stream<Path> left = Files.list(dir.resolve("csv"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void an_ensemble_exports_its_bands_members_and_shares_beside_the_run_or_alone() throws Exception {
        String ensemble = org.mopr.ledger.api.web.TestEnsembles.historical(3);
        ExportService exports = app.context.getBean(ExportService.class);
        ExportResult withRun = exports.export(app.run(), ensemble, ExportFormat.PARQUET, dir.resolve("ens-parquet"),
                line -> { });
        ExportResult alone = exports.export(null, ensemble, ExportFormat.CSV, dir.resolve("ens-csv"), line -> { });
        assertThat(withRun.rows().keySet()).startsWith("events").endsWith("ensemble_bands", "ensemble_members",
                "ensemble_reconciliation");
        assertThat(alone.rows().keySet()).containsExactly("ensemble_bands", "ensemble_members", "ensemble_reconciliation");
        assertThat(alone.rows().get("ensemble_members")).isEqualTo(3);
        assertThat(alone.rows().get("ensemble_bands")).isEqualTo(withRun.rows().get("ensemble_bands"))
                .isEqualTo(app.jdbc.queryForObject("SELECT count(*) FROM ensemble_band WHERE ensemble_id = ?", Long.class,
                        ensemble));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            String bands = "read_parquet('" + dir.resolve("ens-parquet/ensemble_bands.parquet") + "')";
            assertThat(one(s, "SELECT count(*) FROM " + bands)).isEqualTo(alone.rows().get("ensemble_bands"));
            assertThat(one(s, "SELECT count(*) FROM " + bands + " WHERE NOT (p5 <= p50 AND p50 <= p95 AND min <= p5 "
                    + "AND p95 <= max)")).as("bands out of order").isZero();
            // The band of a figure is the API's, in minor units with its currency and exponent.
            JsonNode api = Http.get("/api/ensembles/" + ensemble + "/bands?figure=aid/PL/XRG").json().path("items");
            JsonNode pl = Http.find(api, "figure", "aid/PL/XRG");
            try (ResultSet rs = s.executeQuery("SELECT p50, currency, exponent, origin, modelled FROM " + bands
                    + " WHERE figure = 'aid/PL/XRG'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(pl.path("p50").path("minor").asLong());
                assertThat(rs.getString(2)).isEqualTo("XRG");
                assertThat(rs.getInt(3)).isEqualTo(2);
                assertThat(rs.getString(4)).isEqualTo(pl.path("origin").asText());
                assertThat(rs.getBoolean(5)).isTrue();
            }
            String members = "read_csv('" + dir.resolve("ens-csv/ensemble_members.csv") + "', header = true)";
            assertThat(one(s, "SELECT count(*) FROM " + members + " WHERE conserved")).isEqualTo(3);
            String lines = "read_csv('" + dir.resolve("ens-csv/ensemble_reconciliation.csv") + "', header = true)";
            assertThat(one(s, "SELECT count(*) FROM " + lines + " WHERE holds > members")).isZero();
        }
        for (String format : new String[] {"ens-csv", "ens-parquet"}) {
            JsonNode descriptor = new ObjectMapper().readTree(dir.resolve(format).resolve(RunExporter.DESCRIPTOR).toFile());
            assertThat(publishedProfile(descriptor.path("profile").asText()).validate(descriptor)).as(format).isEmpty();
            assertThat(descriptor.path("ensemble").path("id").asText()).isEqualTo(ensemble);
            assertThat(descriptor.path("ensemble").path("totalsExact").asBoolean()).isTrue();
            for (JsonNode resource : descriptor.path("resources")) {
                assertThat(dir.resolve(format).resolve(resource.path("path").asText())).exists();
            }
        }
        JsonNode aloneDescriptor = new ObjectMapper().readTree(dir.resolve("ens-csv").resolve(RunExporter.DESCRIPTOR).toFile());
        assertThat(aloneDescriptor.has("run")).as("an ensemble alone names no run").isFalse();
        JsonNode withRunDescriptor = new ObjectMapper().readTree(dir.resolve("ens-parquet").resolve(RunExporter.DESCRIPTOR).toFile());
        assertThat(withRunDescriptor.path("run").path("id").asText()).isEqualTo(app.run());
        assertThat(aloneDescriptor.path("resources").get(0).path("schema").path("primaryKey").get(0).asText())
                .isEqualTo("figure");
    }

    /** The Frictionless profile as published (draft-04 JSON Schema), vendored unmodified under test resources. */
    private JsonSchema publishedProfile(String profile) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/frictionless/" + profile + ".json")) {
            assertThat(in).as("vendored profile " + profile).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void the_api_answers_a_zip_and_refuses_what_it_cannot_export() {
        Http.Answer zip = Http.get("/api/runs/" + app.run() + "/export?format=parquet", "application/zip");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        assertThat(Http.get("/api/runs/" + app.run() + "/export?format=xlsx").problem(400, "bad-parameter"))
                .contains("unknown export format 'xlsx'");
        assertThat(Http.get("/api/runs/no-such-run/export?format=csv").problem(404, "unknown-run"))
                .contains("no-such-run");
    }

    @Test
    void a_run_above_the_api_limits_is_refused_with_413_naming_the_command_to_use() {
        ExportService exports = app.context.getBean(ExportService.class);
        assertThatThrownBy(() -> new ExportController(exports, 10, Long.MAX_VALUE).export(app.run(), "csv"))
                .isInstanceOfSatisfying(org.mopr.ledger.api.web.ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(413);
                    assertThat(p.slug()).isEqualTo("export-too-large");
                    assertThat(p.getMessage()).contains("above the API's limit of 10", "mopr-ledger export --run " + app.run());
                });
        assertThatThrownBy(() -> new ExportController(exports, Long.MAX_VALUE, 1_000).export(app.run(), "parquet"))
                .isInstanceOfSatisfying(org.mopr.ledger.api.web.ApiProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(413);
                    assertThat(p.getMessage()).contains("bytes, above the API's limit of 1000");
                });
    }

    @Test
    void the_command_refuses_bad_input_with_one_line_and_leaves_nothing() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path out = dir.resolve("refused");
        String db = app.context.getEnvironment().getProperty("spring.datasource.url");
        assertThat(cli("export", "--run", app.run(), "--format", "xlsx", "--out", out.toString()))
                .isEqualTo("error: unknown export format 'xlsx': csv or parquet");
        assertThat(cli("export", "--run", app.run(), "--format", "csv", "--out", file.toString()))
                .isEqualTo("error: --out " + file + " is a file, not a directory");
        assertThat(cli("export", "--run", app.run(), "--out", "/proc/self/no-such-dir"))
                .startsWith("error: --out /proc/self/no-such-dir cannot be made");
        assertThat(cli("export", "--out", out.toString()))
                .isEqualTo("error: give --run RUN, --ensemble ID, or both: there is nothing to export");
        assertThat(cli("export", "--db", db, "--ensemble", "nobody-s1-x2", "--out", out.toString()))
                .isEqualTo("error: unknown ensemble 'nobody-s1-x2'");
        assertThat(cli("export", "--db", db, "--run", "no-such-run", "--format", "parquet", "--out", out.toString()))
                .isEqualTo("error: unknown run 'no-such-run'");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_full_disk_gives_one_line_and_leaves_no_file_behind() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("tiny-disk"));
        // A real full disk: a 64 KB tmpfs, which the historical run's CSV tables overflow. Mounting needs root
        // (as on CI); elsewhere the test says why it did not run.
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()),
                "mounting a 64 KB tmpfs needs root");
        try {
            String db = app.context.getEnvironment().getProperty("spring.datasource.url");
            assertThat(cli("export", "--db", db, "--run", app.run(), "--format", "csv", "--out", disk.toString()))
                    .startsWith("error: export of run " + app.run() + " to " + disk + " failed, nothing was left: ")
                    .contains("No space left on device");
            try (Stream<Path> left = Files.list(disk)) {
                assertThat(left).as("neither a staging folder nor a file under its final name").isEmpty();
            }
        } finally {
            assertThat(run("umount", disk.toString())).as("umount " + disk).isTrue();
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @Test
    void the_export_benchmark_compares_with_copy_of_the_same_query() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        var run = app.context.getBean(ExportService.class).exportable(app.run());
        double[] ratios = new org.mopr.ledger.api.bench.ExportBench(app.context.getBean(javax.sql.DataSource.class),
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8)).run(new org.mopr.ledger.projection.export.ExportRun(
                app.run(), run.scenario(), run.seed(), run.events(), run.fingerprint()));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(ratios[0]).isPositive();
        assertThat(ratios[1]).isPositive();
        assertThat(report).contains("copy ", "export csv", "export parquet").containsPattern("(?m)^ratios: csv=\\d+\\.\\d\\d parquet=\\d+\\.\\d\\d$");
        assertThat(report.lines().filter(l -> l.startsWith("copy")).map(l -> l.replaceAll("^copy( again)? +", "").split(" rows")[0].strip()))
                .containsOnly(String.format(java.util.Locale.ROOT, "%,d", app.historical.events()));
    }

    /** Runs the command line; asserts exit code 2 and returns its one line of error. */
    private static String cli(String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = org.mopr.ledger.api.cli.LedgerCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        assertThat(cli.execute(args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
        return err.toString().strip();
    }

    private static long sum(Statement s, String table) throws SQLException {
        return one(s, "SELECT coalesce(sum(amount_minor), 0) FROM read_parquet('" + dir.resolve("parquet/" + table + ".parquet") + "')");
    }

    private static long total(JdbcTemplate jdbc, String table, String column) {
        return jdbc.queryForObject("SELECT coalesce(sum(" + column + "), 0) FROM " + table + " WHERE run_id = ?",
                Long.class, app.run());
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
