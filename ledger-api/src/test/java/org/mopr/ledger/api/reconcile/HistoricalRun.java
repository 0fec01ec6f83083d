package org.mopr.ledger.api.reconcile;

import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A historical run in its own database, with its projections caught up (asynchronously, so with Awaitility). */
final class HistoricalRun implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final RunSummary summary;
    final JdbcTemplate jdbc;

    HistoricalRun(String purpose) {
        context = LedgerContexts.start(TestPostgres.freshDatabase(purpose));
        summary = context.getBean(RunService.class).run("historical", null, new PrintStream(new ByteArrayOutputStream()));
        jdbc = context.getBean(JdbcTemplate.class);
        awaitProjected(summary.events());
    }

    String run() {
        return summary.runId().value();
    }

    void awaitProjected(long events) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run()) == events);
    }

    @Override
    public void close() {
        context.close();
    }
}
