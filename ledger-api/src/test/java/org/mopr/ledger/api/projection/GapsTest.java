package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionFounded;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.mopr.ledger.time.HistoricalDate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holes in the global sequence (rolled-back inserts, a sequence that jumped, a transaction that commits after
 * later ones) neither stall the processor nor lose an event, live or across a replay's handover.
 */
class GapsTest {

    /** Inserts a section's founding the way Axon's engine would, on a connection the caller commits or rolls back. */
    private static void insertFounding(Connection connection, Serializer serializer, SectionId section) throws Exception {
        SectionFounded founded = new SectionFounded(section, "late section", HistoricalDate.year(1923), LocalDate.of(1923, 1, 1),
                new TreeSet<>(List.of(Currency.USD)), Provenance.documented("claim.late"));
        SerializedObject<byte[]> payload = serializer.serialize(founded, byte[].class);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, "
                + "sequencenumber, type, eventidentifier, metadata, payload, payloadtype, timestamp) "
                + "VALUES (?, 0, 'NationalSection', ?, ?, ?, ?, ?)")) {
            ps.setString(1, section.toString());
            ps.setString(2, UUID.randomUUID().toString());
            ps.setBytes(3, "{}".getBytes());
            ps.setBytes(4, payload.getData());
            ps.setString(5, payload.getType().getName());
            ps.setString(6, DateTimeUtils.formatInstant(Instant.now()));
            ps.executeUpdate();
        }
    }

    private static boolean sectionProjected(JdbcTemplate jdbc, SectionId section) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_section WHERE run_id = ? AND section_code = ?", Integer.class,
                section.run().value(), section.code()) == 1;
    }

    @Test
    void rolledBackInsertsAJumpedSequenceAndALateCommitAreAllGetOver() throws Exception {
        String db = TestPostgres.freshDatabase("gaps_live");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.batch-size=5")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Serializer serializer = context.getBean("eventSerializer", Serializer.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            SectionId su = Projected.foundSection(commands, "gp", "SU", Currency.USD);
            Projected.collectDues(commands, su, 20, "USD");
            Projected.awaitAllProjected(jdbc);

            // A rolled-back insert leaves a hole for ever.
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                insertFounding(c, serializer, SectionId.of("gp", "RB"));
                c.rollback();
            }
            // The sequence jumps past Axon's gap window (10,000) and its storage engine's batch (100).
            jdbc.queryForObject("SELECT setval('domainevententry_globalindex_seq', "
                    + "nextval('domainevententry_globalindex_seq') + 20000)", Long.class);
            Projected.collectDues(commands, su, 20, "USD");
            Projected.awaitAllProjected(jdbc);
            assertThat(Projected.projected(jdbc)).isEqualTo(41);

            // A transaction takes its number now and commits after events numbered after it were projected.
            SectionId late = SectionId.of("gp", "LT");
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                insertFounding(c, serializer, late);
                Projected.collectDues(commands, su, 10, "USD");
                Projected.awaitAllProjected(jdbc);
                assertThat(sectionProjected(jdbc, late)).isFalse();
                c.commit();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sectionProjected(jdbc, late));
            Projected.collectDues(commands, su, 5, "USD");
            Projected.awaitAllProjected(jdbc);
            assertThat(Projected.projected(jdbc)).isEqualTo(41 + 1 + 10 + 5);

            // A replay over the same holes gives the same tables.
            Map<String, List<String>> live = ProjectionSnapshot.of(jdbc);
            context.getBean(ReplayService.class).replay(null, line -> { });
            assertThat(ProjectionSnapshot.of(jdbc)).isEqualTo(live);
        }
    }

    @Test
    void anEventCommittedDuringAReplayIsProjectedByTheProcessorAfterTheHandover() throws Exception {
        String db = TestPostgres.freshDatabase("gaps_handover");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            SectionId su = Projected.foundSection(commands, "gh", "SU", Currency.USD);
            SectionId late = SectionId.of("gh", "LT");
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                insertFounding(c, context.getBean("eventSerializer", Serializer.class), late);
                Projected.collectDues(commands, su, 30, "USD");
                Projected.awaitAllProjected(jdbc);
                // The replay reads past the open transaction's number and hands it over as a gap.
                ReplayService.Outcome outcome = context.getBean(ReplayService.class).replay(null, line -> { });
                assertThat(outcome.events()).isEqualTo(31);
                c.commit();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sectionProjected(jdbc, late));
            assertThat(Projected.projected(jdbc)).isEqualTo(32);
        }
    }
}
