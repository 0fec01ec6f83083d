package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.replay.ReplayListener;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.section.SendSectionAid;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replay produces the tables the live processor produced, row for row; a replay killed half way resumes;
 * the processor takes over after a replay and projects what comes next.
 */
class ReplayTest {

    /** Small pages and batches, so a few hundred events cross many transaction boundaries. */
    private static final String[] SMALL_BATCHES = {"--mopr.projection.batch-size=7", "--mopr.projection.replay.batch-size=40"};

    /** Two runs, several sections, hundreds of dues lines, aid and a remittance. */
    private static void ingest(CommandGateway commands) {
        for (String run : List.of("ra", "rb")) {
            SectionId su = Projected.foundSection(commands, run, "SU", Currency.USD);
            SectionId fr = Projected.foundSection(commands, run, "FR", Currency.FRF);
            Projected.collectDues(commands, su, 150, "USD");
            Projected.collectDues(commands, fr, 60, "FRF");
            commands.sendAndWait(new SendSectionAid(su, LocalDate.of(1924, 12, 1), "PL", AidPurpose.MATERIAL,
                    Money.of(12_345, "USD"), false, Provenance.documented("claim.aid")));
            Projected.remit(commands, su, 50_000);
        }
    }

    @Test
    void aReplayOfEveryRunAndOfOneRunGiveTheLiveTablesRowForRow() {
        String db = TestPostgres.freshDatabase("replay_same");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, SMALL_BATCHES)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            ingest(commands);
            Projected.awaitAllProjected(jdbc);
            Map<String, List<String>> live = ProjectionSnapshot.of(jdbc);
            assertThat(Projected.projected(jdbc)).isEqualTo(2 * (2 + 150 + 60 + 1 + 3));

            List<String> lines = new ArrayList<>();
            ReplayService.Outcome all = context.getBean(ReplayService.class).replay(null, lines::add);
            assertThat(all.events()).isEqualTo(Projected.stored(jdbc));
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(live);
            assertThat(lines.get(0)).isEqualTo("replay of every run: projections dropped, rebuilding from the event store");
            assertThat(lines.get(lines.size() - 1)).matches("replay of every run: 432 events in \\d+\\.\\d s, \\d+ events/s; "
                    + "processor at #432; trial balance zero");

            ReplayService.Outcome one = context.getBean(ReplayService.class).replay("rb", lines::add);
            assertThat(one.events()).isEqualTo(216);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(live);

            // The processor took over from the replay's position: what comes next is projected once.
            commands.sendAndWait(new SendSectionAid(SectionId.of("ra", "SU"), LocalDate.of(1925, 1, 2), "HU",
                    AidPurpose.LEGAL, Money.of(1_000, "USD"), false, Provenance.documented("claim.aid.hu")));
            Projected.awaitAllProjected(jdbc);
            assertThat(jdbc.queryForObject("SELECT amount_minor FROM proj_aid_month WHERE run_id = 'ra' AND country = 'HU'",
                    Long.class)).isEqualTo(1_000);
            assertThat(Projected.projected(jdbc)).isEqualTo(433);
        }
    }

    @Test
    void aReplayKilledHalfWayResumesOnTheNextStartWithoutCountingTwice() {
        String db = TestPostgres.freshDatabase("replay_resume");
        Map<String, List<String>> live;
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, SMALL_BATCHES)) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            ingest(context.getBean(CommandGateway.class));
            Projected.awaitAllProjected(jdbc);
            live = ProjectionSnapshot.of(jdbc);
            ReplayListener killAfterThreePages = new ReplayListener() {
                private int pages;

                @Override
                public void batchCommitted(long events, long position) {
                    if (++pages == 3) {
                        throw new IllegalStateException("killed");
                    }
                }
            };
            // The "kill" closes the application right after the third page committed.
            assertThatThrownBy(() -> context.getBean(ReplayService.class).replay(null, line -> { }, killAfterThreePages))
                    .hasMessage("killed");
            assertThat(jdbc.queryForObject("SELECT status FROM proj_replay", String.class)).isEqualTo("RUNNING");
        }
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, SMALL_BATCHES)) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            List<String> lines = new ArrayList<>();
            ReplayService.Outcome resumed = context.getBean(ReplayService.class).replay(null, lines::add);
            assertThat(resumed.resumed()).isTrue();
            assertThat(lines.get(0)).isEqualTo("replay of every run: resuming an unfinished replay");
            // The processor may have continued from the replay's tokens in between; together they project each event once.
            assertThat(resumed.events()).isLessThanOrEqualTo(432 - 3 * 40);
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(live);
            assertThat(jdbc.queryForList("SELECT status FROM proj_replay", String.class)).containsExactly("DONE");
        }
    }

    @Test
    void aLiveProcessorStoppedHalfWayGoesOnFromItsTokenAfterARestart() {
        String db = TestPostgres.freshDatabase("replay_restart");
        long total;
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.batch-size=4")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            SectionId su = Projected.foundSection(commands, "rs", "SU", Currency.USD);
            for (int i = 0; i < 3; i++) {
                Projected.collectDues(commands, su, 1_000, "USD");
            }
            total = Projected.stored(jdbc);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> Projected.projected(jdbc) >= 100);
        }
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.batch-size=4")) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long atRestart = Projected.projected(jdbc);
            assertThat(atRestart).as("stopped half way").isBetween(100L, total - 1);
            Projected.awaitAllProjected(jdbc);
            // 3 x (1.00 + 2.00 + ... + 1000.00) USD, 3,000 payments: nothing lost, nothing counted twice.
            assertThat(jdbc.queryForMap("SELECT sum(amount_minor) AS amount, sum(entries) AS entries FROM proj_income_month"))
                    .containsEntry("amount", java.math.BigDecimal.valueOf(3L * 100 * 1000 * 1001 / 2))
                    .containsEntry("entries", java.math.BigDecimal.valueOf(3_000));
            assertThat(jdbc.queryForObject("SELECT balance_minor FROM proj_balance WHERE account = 'section/SU/fund'",
                    Long.class)).isEqualTo(3L * 100 * 1000 * 1001 / 2);
        }
    }
}
