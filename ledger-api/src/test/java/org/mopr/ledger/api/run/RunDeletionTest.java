package org.mopr.ledger.api.run;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.reconcile.ProjectionCatchUp;
import org.mopr.ledger.projection.engine.ProjectionTables;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What deleting a run removes (every projection row) and what it keeps (events, registry row, the id). */
class RunDeletionTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static ConfigurableApplicationContext context;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = LedgerContexts.start(TestPostgres.freshDatabase("deletion"));
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aDeletedRunLosesEveryProjectionRowAndKeepsItsEventsAndItsRegistryRow() {
        RunSummary run = context.getBean(RunService.class).run("ban-italy-1923", 5L, QUIET);
        RunSummary other = context.getBean(RunService.class).run("ban-italy-1923", 6L, QUIET);
        String id = run.runId().value();
        context.getBean(ProjectionCatchUp.class).await(id, run.events(), Duration.ofSeconds(60));
        context.getBean(ProjectionCatchUp.class).await(other.runId().value(), other.events(), Duration.ofSeconds(60));
        RunListing listing = context.getBean(RunListing.class);

        RunDeletion.Deleted deleted = context.getBean(RunDeletion.class).delete(listing.find(id).orElseThrow());

        assertThat(deleted.eventsKept()).isEqualTo(run.events());
        for (String table : ProjectionTables.ALL) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE run_id = ?", Long.class, id))
                    .as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class,
                other.runId().value())).as("the other run's rows stay").isEqualTo(other.events());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                Long.class, id + "/%")).as("events stay in the append-only store").isEqualTo(run.events());
        RunView view = listing.find(id).orElseThrow();
        assertThat(view.status()).isEqualTo("DELETED");
        assertThat(view.failure()).startsWith(RunListing.DELETED_MARK);
        assertThat(view.fingerprint()).isEqualTo(run.fingerprint());
        assertThat(context.getBean(JdbcRunRegistry.class).find(RunId.of(id)).orElseThrow().status())
                .isEqualTo(org.mopr.ledger.simulation.run.RunRegistry.Status.FAILED);

        assertThatThrownBy(() -> context.getBean(RunDeletion.class).delete(view))
                .isInstanceOf(RunDeletion.Refused.class).hasMessage("run " + id + " is already deleted");
    }

    @Test
    void aRunningRunIsRefusedAndNothingChanges() {
        RunView running = new RunView("ban-italy-1923-s99", "ban-italy-1923", 99, "RUNNING", 0, null, null, null, null);
        assertThatThrownBy(() -> context.getBean(RunDeletion.class).delete(running))
                .isInstanceOf(RunDeletion.Refused.class).hasMessageContaining("is still running");
    }
}
