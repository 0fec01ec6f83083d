package org.mopr.ledger.api.bench;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.reconcile.ProjectionCatchUp;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark at 50,000 events, for correctness only (never speed, which depends on the machine): every phase
 * handled every event, the projections hold them all, the member-level dues still add up to the documented
 * section totals, and nothing of the benchmark is left behind in the database.
 */
class BenchSmokeTest {

    private static final long EVENTS = 50_000;

    @Test
    void fiftyThousandEventsAreStoredCopiedScannedAndProjectedAndTheDocumentedTotalsStillAddUp() throws Exception {
        String db = TestPostgres.freshDatabase("bench");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicReference<Map<String, Long>> synthetic = new AtomicReference<>();
        AtomicReference<Map<String, Long>> historical = new AtomicReference<>();
        AtomicReference<long[]> counts = new AtomicReference<>();

        BenchResult result = new Bench(new BenchOptions(EVENTS, db, null, 2, 5_000), out, List.of()).run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            counts.set(new long[]{
                    count(jdbc, "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.DuesCollected'"),
                    count(jdbc, "SELECT count(*) FROM proj_event WHERE event_type = 'DuesCollected'"),
                    count(jdbc, "SELECT count(*) FROM proj_journal WHERE event_type = 'DuesCollected'")});
            synthetic.set(duesBySection(jdbc, Bench.RUN.value()));
            // The section-level record of the same catalog, in the same store: its dues are the documented totals.
            RunSummary record = context.getBean(RunService.class).run("historical", null, new PrintStream(new ByteArrayOutputStream()));
            context.getBean(ProjectionCatchUp.class).await(record.runId().value(), record.events(), Duration.ofMinutes(2));
            historical.set(duesBySection(jdbc, record.runId().value()));
        });

        assertThat(result.duesEvents()).isEqualTo(EVENTS);
        assertThat(counts.get()[0]).isEqualTo(EVENTS);
        assertThat(counts.get()[1]).as("dues events projected").isEqualTo(EVENTS);
        assertThat(counts.get()[2]).as("journal lines of dues: a debit and a credit each").isEqualTo(2 * EVENTS);
        assertThat(result.storedEvents()).isGreaterThan(EVENTS);
        assertThat(result.plainIngest().events()).isEqualTo(result.storedEvents());
        assertThat(result.plainCopy().events()).isEqualTo(result.storedEvents());
        assertThat(result.plainScan().events()).isEqualTo(result.storedEvents());
        assertThat(result.projectedEvents()).isEqualTo(result.storedEvents());
        assertThat(synthetic.get()).isNotEmpty().isEqualTo(historical.get());

        result.print(out);
        String report = printed.toString(StandardCharsets.UTF_8);
        String[] lines = report.strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("ratios: ingest=\\d+\\.\\d\\d replay=\\d+\\.\\d\\d kafka=n/a");
        assertThat(report).contains("peak heap:").contains("trial balance zero");
        assertThat(benchSchemasLeft(db)).as("the benchmark drops its schema").isEmpty();
    }

    /** Dues by section and currency over the whole run, from the income projection. */
    private static Map<String, Long> duesBySection(JdbcTemplate jdbc, String run) {
        Map<String, Long> totals = new TreeMap<>();
        jdbc.query("SELECT section_code, currency, sum(amount_minor) FROM proj_income_month WHERE run_id = ? AND kind = 'DUES' "
                + "GROUP BY 1, 2", rs -> {
            totals.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
        }, run);
        return totals;
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static List<String> benchSchemasLeft(String db) throws Exception {
        try (Connection c = BenchDatabase.connect(db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'mopr_bench_%'")) {
            List<String> left = new java.util.ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString(1));
            }
            return left;
        }
    }
}
