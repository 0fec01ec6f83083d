package org.mopr.ledger.api.store;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.section.SendSectionAid;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.testsupport.TestPostgres;
import org.mopr.ledger.time.HistoricalDate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events outlive the application: a new context on the same database rebuilds every aggregate from them. */
class EventStoreDurabilityTest {

    private static final Provenance DOC = Provenance.documented("test.claim");

    @Test
    void aggregatesAreRebuiltFromStoredEventsAfterARestart() {
        String db = TestPostgres.freshDatabase("durability");
        SectionId ussr = SectionId.of("durability", "SU");
        try (ConfigurableApplicationContext first = LedgerContexts.start(db)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new FoundSection(ussr, "MOPR of the USSR", HistoricalDate.year(1922),
                    LocalDate.of(1922, 12, 1), Set.of(Currency.USD), DOC));
            commands.sendAndWait(new CollectDues(ussr, List.of(
                    new DuesLine(LocalDate.of(1923, 3, 1), "cell-vyatka", Money.of(30_000, "USD")),
                    new DuesLine(LocalDate.of(1923, 4, 1), "cell-kursk", Money.of(20_000, "USD"))), DOC));
        }

        try (ConfigurableApplicationContext second = LedgerContexts.start(db)) {
            CommandGateway commands = second.getBean(CommandGateway.class);
            EventStore store = second.getBean(EventStore.class);
            assertThat(store.readEvents(ussr.toString()).asStream().count()).isEqualTo(3);

            // The rebuilt section knows it was founded ...
            assertThatThrownBy(() -> commands.sendAndWait(new FoundSection(ussr, "again", HistoricalDate.year(1922),
                    LocalDate.of(1922, 12, 1), Set.of(Currency.USD), DOC)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("already founded");
            // ... and holds exactly the 500.00 USD collected before the restart: 500.00 may leave, 500.01 not.
            assertThatThrownBy(() -> commands.sendAndWait(new SendSectionAid(ussr, LocalDate.of(1923, 5, 1), "PL",
                    AidPurpose.MATERIAL, Money.of(50_001, "USD"), false, DOC)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("holds 500.00 USD");
            commands.sendAndWait(new SendSectionAid(ussr, LocalDate.of(1923, 5, 1), "PL", AidPurpose.MATERIAL,
                    Money.of(50_000, "USD"), false, DOC));

            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber", Long.class, ussr.toString())).containsExactly(0L, 1L, 2L, 3L);
        }
    }
}
