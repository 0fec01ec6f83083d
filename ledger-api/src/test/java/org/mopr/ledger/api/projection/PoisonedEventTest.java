package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.fund.TransactionPosted;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An event the projections cannot take (here: postings that do not balance, as a hand-edited store could hold)
 * stops the processor at that event instead of being logged and skipped, and a replay says what is wrong.
 */
class PoisonedEventTest {

    @Test
    void anUnbalancedEventInTheStoreStopsTheProjectionsLoudly() {
        String db = TestPostgres.freshDatabase("poison");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            SectionId su = Projected.foundSection(commands, "px", "SU", Currency.USD);
            Projected.awaitAllProjected(jdbc);

            FundId central = FundId.central(RunId.of("px"));
            TransactionPosted unbalanced = new TransactionPosted(central, LocalDate.of(1924, 1, 1), "typo", List.of(
                    Posting.debit("aid/PL/legal", Money.of(1_000, "USD")), Posting.credit(central.account(), Money.of(900, "USD"))),
                    false, Provenance.documented("claim.typo"));
            SerializedObject<byte[]> payload = context.getBean("eventSerializer", Serializer.class)
                    .serialize(unbalanced, byte[].class);
            Long poison = jdbc.queryForObject("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
                            + "eventidentifier, metadata, payload, payloadtype, timestamp) VALUES (?, 0, 'Fund', ?, ?, ?, ?, ?) "
                            + "RETURNING globalindex", Long.class, central.toString(), UUID.randomUUID().toString(),
                    "{}".getBytes(), payload.getData(), payload.getType().getName(), DateTimeUtils.formatInstant(Instant.now()));
            Projected.collectDues(commands, su, 3, "USD");
            ProjectionFailures failures = context.getBean(ProjectionFailures.class);
            long before = failures.count();

            // Two failed batches after the dues were stored: the second is the processor's retry, begun after the
            // first rolled back, so with the dues in the store. Had the bad event been skipped, that retry would
            // have projected the dues and moved the token past it instead of failing.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> failures.count() >= before + 2);
            assertThat(Projected.projected(jdbc)).as("events projected: the dues after the bad event are not").isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT convert_from(token, 'UTF8')::json->>'index' FROM tokenentry "
                    + "WHERE processorname = 'projections'", Long.class)).isLessThan(poison);

            assertThatThrownBy(() -> context.getBean(ReplayService.class).replay(null, line -> { }))
                    .hasMessageContaining("run px does not balance in USD: its postings sum to 1.00 USD");
        }
    }

    @Test
    void aBadEventInAPagedBacklogStopsThePagesAndTheProcessorAtItWithoutPagingAgainAndAgain() throws Exception {
        String db = TestPostgres.freshDatabase("poison_paged");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.paging.backlog=100")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            LiveProjection live = context.getBean(LiveProjection.class);
            ProjectionFailures failures = context.getBean(ProjectionFailures.class);
            live.stop();
            SectionId su = Projected.foundSection(commands, "pp", "SU", Currency.USD);
            // A backlog before the bad event too, so the watcher finds the processor far behind before it meets it.
            for (int i = 0; i < 4; i++) {
                Projected.collectDues(commands, su, 500, "USD");
            }
            long poison = insertUnbalanced(context, jdbc, FundId.central(RunId.of("pp")));
            Projected.collectDues(commands, su, 500, "USD");
            long before = failures.count();

            live.start();
            // The pages stop at the bad event and hand over; the processor meets it, fails and retries with its back-off.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> live.pagings() >= 1 && !live.isPaging() && failures.count() > before);
            long pagings = live.pagings();
            Thread.sleep(1_000);
            assertThat(live.pagings()).as("the backlog is not paged again while the processor is stuck").isEqualTo(pagings);
            // Pages and batches are all or nothing: what is projected lies before the bad event, the dues after it not.
            assertThat(Projected.projected(jdbc)).as("nothing at or after the bad event").isBetween(1L, 1L + 4 * 500);
            assertThat(live.position()).isLessThan(poison);
        }
    }

    private static long insertUnbalanced(ConfigurableApplicationContext context, JdbcTemplate jdbc, FundId central) {
        TransactionPosted unbalanced = new TransactionPosted(central, LocalDate.of(1924, 1, 1), "typo", List.of(
                Posting.debit("aid/PL/legal", Money.of(1_000, "USD")), Posting.credit(central.account(), Money.of(900, "USD"))),
                false, Provenance.documented("claim.typo"));
        SerializedObject<byte[]> payload = context.getBean("eventSerializer", Serializer.class)
                .serialize(unbalanced, byte[].class);
        return jdbc.queryForObject("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadtype, timestamp) VALUES (?, 0, 'Fund', ?, ?, ?, ?, ?) "
                        + "RETURNING globalindex", Long.class, central.toString(), UUID.randomUUID().toString(),
                "{}".getBytes(), payload.getData(), payload.getType().getName(), DateTimeUtils.formatInstant(Instant.now()));
    }
}
