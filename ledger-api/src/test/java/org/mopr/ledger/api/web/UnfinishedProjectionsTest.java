package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.cli.LedgerCommand;
import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.projection.replay.ReplayListener;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Figures are never shown from projections that a replay stopped half way left part built: reconcile and compare
 * refuse (exit 2), the API answers 503 projections-rebuilding with the position the replay reached, and serve
 * resumes the replay, after which every figure is the one of the whole run again. The replay here is one of the
 * historical run, stopped after two pages of a hundred events; a replay of one run is the case the live processor
 * cannot repair on its own (its tokens are past the run's events), so the partial rows would stay as they are.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnfinishedProjectionsTest {

    private record Cli(int exit, String out, String err) {
    }

    static String db;
    static String run;
    static long position;
    static Map<Status, Long> whole;

    @BeforeAll
    static void aReplayOfTheHistoricalRunStoppedHalfWay() {
        db = TestPostgres.freshDatabase("unfinished");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.replay.batch-size=100")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            RunSummary summary = context.getBean(RunService.class).run("historical", null, quiet());
            run = summary.runId().value();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run) == summary.events());
            whole = context.getBean(ReconciliationService.class).of(run).countByStatus();
            ReplayListener stopAfterTwoPages = new ReplayListener() {
                @Override
                public void batchCommitted(long events, long position) {
                    if (events >= 200) {
                        throw new IllegalStateException("stopped half way");
                    }
                }
            };
            assertThatThrownBy(() -> context.getBean(ReplayService.class).replay(run, line -> { }, stopAfterTwoPages))
                    .hasMessageContaining("stopped half way");
            position = jdbc.queryForObject("SELECT position FROM proj_replay WHERE status = 'RUNNING'", Long.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run))
                    .as("the replay projected part of the run").isEqualTo(200).isLessThan(summary.events());
        }
        assertThat(whole.get(Status.MATCH)).isPositive();
        assertThat(whole.get(Status.MISMATCH)).isZero();
    }

    @Test
    @Order(1)
    void reconcileAndCompareRefuseNamingTheReplayAndWhereItStopped() {
        Cli reconcile = cli("reconcile", "--db", db);
        assertThat(reconcile.exit()).as(reconcile.out()).isEqualTo(2);
        assertThat(reconcile.out()).isEmpty();
        assertThat(reconcile.err()).isEqualTo("error: the projections of run " + run + " are being rebuilt: a replay "
                + "of run " + run + " is under way or was stopped at #" + position + " (200 events so far); let it "
                + "finish or run 'replay --run " + run + "' to finish it, then try again\n");

        Cli compare = cli("compare", run, run, "--db", db);
        assertThat(compare.exit()).as(compare.out()).isEqualTo(2);
        assertThat(compare.out()).isEmpty();
        assertThat(compare.err()).startsWith("error: the projections of run " + run + " are being rebuilt");
    }

    @Test
    @Order(2)
    void theApiAnswers503WithThePositionTheReplayReached() {
        try (OwnWebApp app = OwnWebApp.startOn(db, "mopr.projection.replay.resume-on-start=false")) {
            for (String read : new String[]{"/api/reconciliation?run=" + run, "/api/membership?scope=all&at=1930-01-01",
                    "/api/compare?a=" + run + "&b=" + run, "/api/trial-balance"}) {
                Http.Answer answer = Http.get(app.url(read));
                assertThat(answer.problem(503, "projections-rebuilding")).as(read).contains("#" + position);
                assertThat(answer.json().path("position").asLong()).as(read).isEqualTo(position);
                assertThat(answer.raw().headers().firstValue("Retry-After")).as(read).isPresent();
            }
            // What the registry says is not a figure of the projections: it still answers.
            assertThat(Http.get(app.url("/api/runs/" + run)).json().path("status").asText()).isEqualTo("COMPLETE");
        }
    }

    @Test
    @Order(3)
    void serveResumesTheReplayAndTheWholeRunIsShownAgain() {
        try (OwnWebApp app = OwnWebApp.startOn(db)) {
            Http.Answer answer = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Http.get(app.url("/api/reconciliation?limit=1&run=" + run)), a -> a.status() != 503);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode byStatus = answer.json().path("summary").path("byStatus");
            for (Map.Entry<Status, Long> count : whole.entrySet()) {
                assertThat(byStatus.path(count.getKey().name()).asLong()).as(count.getKey().name()).isEqualTo(count.getValue());
            }
            assertThat(app.jdbc.queryForList("SELECT DISTINCT status FROM proj_replay", String.class)).containsExactly("DONE");
        }
        Cli reconcile = cli("reconcile", "--db", db);
        assertThat(reconcile.exit()).as(reconcile.err()).isZero();
        assertThat(reconcile.out()).contains("MATCH " + whole.get(Status.MATCH) + ", MISMATCH 0,");
    }

    @Test
    @Order(4)
    void reconcileWaitsForProjectionsBehindTheStoreAndShowsTheWholeRun() {
        String behind = TestPostgres.freshDatabase("behind");
        // Events stored by a process that projects nothing: the projections are all behind the store, and stay so.
        try (ConfigurableApplicationContext context = LedgerContexts.start(behind, "--mopr.projection.processor.enabled=false",
                "--mopr.projection.read-wait=PT1.5S")) {
            long events = context.getBean(RunService.class).run("historical", null, quiet()).events();
            List<String> progress = new ArrayList<>();
            assertThatThrownBy(() -> context.getBean(ProjectionReadiness.class).awaitWhole(run, progress::add))
                    .isInstanceOf(DomainException.class)
                    .hasMessage("the projections hold 0 of run " + run + "'s " + events + " events: they are catching up "
                            + "with the store, still after 1.5 s: is a process projecting this store (this command's own "
                            + "processor, or Kafka workers)? 'replay --run " + run + "' rebuilds the run's projections");
            assertThat(progress).containsExactly("waiting for the projections: 0 of run " + run + "'s " + events + " events");
        }
        // The command's own processor catches up while it waits.
        Cli reconcile = cli("reconcile", "--db", behind);
        assertThat(reconcile.exit()).as(reconcile.err()).isZero();
        assertThat(reconcile.out()).contains("MATCH " + whole.get(Status.MATCH) + ", MISMATCH 0,");
    }

    /** A subcommand as a user runs it; reconcile and compare print their report on System.out. */
    private static synchronized Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = LedgerCommand.commandLine();
            cli.setOut(new PrintWriter(System.out, true));
            cli.setErr(new PrintWriter(err, true));
            exit = cli.execute(args);
        } finally {
            System.setOut(original);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
