package org.mopr.ledger.api.run;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunRegistry;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs through the real aggregates into PostgreSQL: reproducible, kept apart, and never half complete. */
class ScenarioRunTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void theSameScenarioAndSeedGiveTheSameFingerprintTwiceAndAcrossARestart() {
        String db = TestPostgres.freshDatabase("fingerprint");
        String first;
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            RunService runs = context.getBean(RunService.class);
            RunSummary a = runs.run("historical", null, QUIET);
            RunSummary b = runs.run("historical", null, QUIET);
            assertThat(a.runId()).isNotEqualTo(b.runId());
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
            assertThat(a.events()).isEqualTo(b.events()).isGreaterThan(500);
            RunSummary other = runs.run("historical", 7L, QUIET);
            assertThat(other.events()).isEqualTo(a.events());
            first = a.fingerprint();
            // Two runs side by side: each one's events are its own.
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                    Long.class, a.runId() + "/%")).isEqualTo(a.events());
            // The summary's counts, read with the fingerprint by a streaming parser, are PostgreSQL's own reading.
            java.util.Map<String, Long> bySql = new java.util.TreeMap<>();
            jdbc.query("SELECT payloadtype, convert_from(payload, 'UTF8')::json->'provenance'->>'origin', count(*) "
                    + "FROM domainevententry WHERE aggregateidentifier LIKE ? GROUP BY 1, 2", rs -> {
                bySql.put(rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1) + " " + rs.getString(2),
                        rs.getLong(3));
            }, a.runId() + "/%");
            assertThat(a.eventsByTypeAndOrigin()).isEqualTo(bySql).hasSizeGreaterThan(5);
        }
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            RunSummary again = context.getBean(RunService.class).run("historical", null, QUIET);
            assertThat(again.runId().value()).endsWith("-3");
            assertThat(again.fingerprint()).isEqualTo(first);
        }
    }

    @Test
    void aScenarioThatFailsValidationWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String db = TestPostgres.freshDatabase("invalid");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nseed: 1\noverrides:\n  - ban: {section: XX, from: 1925-01-01}\n");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            assertThatThrownBy(() -> context.getBean(RunService.class).run(bad.toString(), null, QUIET))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("bad.yaml:4").hasMessageContaining("unknown section 'XX'");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_run", Long.class)).isZero();
        }
    }

    @Test
    void aRunLeftIncompleteIsMarkedFailedAndTheNextStartsCleanAndSaysSo() {
        String db = TestPostgres.freshDatabase("killed");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            JdbcRunRegistry registry = context.getBean(JdbcRunRegistry.class);
            // What a process killed mid-run leaves: a RUNNING registration (and some of its events).
            registry.started(RunId.of("historical-s1922"), "historical", 1922, "name: historical");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RunSummary summary = context.getBean(RunService.class).run("historical", null,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("starting clean: earlier run historical-s1922 was left incomplete and is marked FAILED");
            assertThat(summary.runId().value()).isEqualTo("historical-s1922-2");
            assertThat(registry.find(RunId.of("historical-s1922")).orElseThrow().status()).isEqualTo(RunRegistry.Status.FAILED);
            assertThat(registry.find(summary.runId()).orElseThrow().status()).isEqualTo(RunRegistry.Status.COMPLETE);
        }
    }
}
