package org.mopr.ledger.api.ensemble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A member sent in one transaction: whole and COMPLETE, or nothing of it but its FAILED registration. */
class MemberIngestTest {

    private static ConfigurableApplicationContext context;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = LedgerContexts.start(TestPostgres.freshDatabase("memberingest"));
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static List<Object> commands(RunId runId) {
        EnsembleService.Checked checked = context.getBean(EnsembleService.class)
                .check(new EnsembleService.Request("historical", 5L, 2, "seed"));
        List<Object> commands = new ArrayList<>();
        checked.base().commands().apply(runId).forEachRemaining(commands::add);
        return commands;
    }

    private static long events(RunId runId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?", Long.class,
                runId.value() + "/%");
    }

    @Test
    void aMemberInOneTransactionIsStoredWholeAndComplete() {
        RunId runId = RunId.of("whole-x2-m1");
        List<Object> commands = commands(runId);
        MemberIngest.Stored stored = context.getBean(MemberIngest.class).run("whole-x2", runId, 5L, "text",
                commands.iterator());
        assertThat(stored.events()).isEqualTo(commands.size()).isEqualTo(events(runId));
        assertThat(jdbc.queryForObject("SELECT status FROM ledger_run WHERE run_id = ?", String.class, runId.value()))
                .isEqualTo("COMPLETE");
    }

    @Test
    void aMemberRefusedInItsLastCommandLeavesNoEventAndIsRegisteredFailed() {
        RunId runId = RunId.of("refused-x2-m1");
        List<Object> commands = commands(runId);
        // The first command again, last: its aggregate exists by then, so the aggregate refuses it.
        commands.add(commands.get(0));
        assertThatThrownBy(() -> context.getBean(MemberIngest.class).run("refused-x2", runId, 5L, "text",
                commands.iterator())).isInstanceOf(ScenarioRunner.RunFailedException.class);
        assertThat(events(runId)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM ledger_run WHERE run_id = ?", String.class, runId.value()))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT failure FROM ledger_run WHERE run_id = ?", String.class, runId.value()))
                .isNotBlank();
    }
}
