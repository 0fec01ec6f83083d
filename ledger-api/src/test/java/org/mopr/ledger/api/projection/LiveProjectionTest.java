package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.explain.Explanation;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.section.SendSectionAid;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands through the real application; the pooled streaming processor projects what they store. */
class LiveProjectionTest {

    @Test
    void duesAndAidAreProjectedIntoBalancedBooks() {
        String db = TestPostgres.freshDatabase("live");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            ProjectionQueries queries = context.getBean(ProjectionQueries.class);
            SectionId su = Projected.foundSection(commands, "live", "SU", Currency.USD);
            commands.sendAndWait(new CollectDues(su, List.of(
                    new DuesLine(LocalDate.of(1924, 1, 10), "cell-vyatka", Money.of(10_000, "USD")),
                    new DuesLine(LocalDate.of(1924, 1, 20), "cell-kursk", Money.of(5_000, "USD")),
                    new DuesLine(LocalDate.of(1924, 2, 5), "cell-tula", Money.of(2_500, "USD"))),
                    Provenance.documented("claim.su.dues.1924")));
            commands.sendAndWait(new SendSectionAid(su, LocalDate.of(1924, 3, 1), "PL", AidPurpose.LEGAL,
                    Money.of(6_000, "USD"), false, Provenance.documented("claim.su.aid")));

            Projected.awaitAllProjected(jdbc);

            assertThat(Projected.projected(jdbc)).isEqualTo(5);
            assertThat(jdbc.queryForList("SELECT month || ' ' || amount_minor || ' x' || entries FROM proj_income_month "
                    + "WHERE run_id = 'live' AND section_code = 'SU' AND kind = 'DUES' ORDER BY month", String.class))
                    .containsExactly("1924-01-01 15000 x2", "1924-02-01 2500 x1");
            assertThat(jdbc.queryForObject("SELECT sum(amount_minor) FROM proj_journal WHERE run_id = 'live'", Long.class)).isZero();
            assertThat(jdbc.queryForList("SELECT from_account || ' -> ' || to_account || ' ' || sum(amount_minor) "
                    + "FROM proj_flow_month GROUP BY from_account, to_account ORDER BY 1", String.class))
                    .containsExactly("section/SU/fund -> aid/PL/legal 6000", "section/SU/members -> section/SU/fund 17500");
            assertThat(queries.ledger().balance("live", "section/SU/fund", Currency.USD, null))
                    .isEqualTo(Money.of(17_500 - 6_000, "USD"));
            assertThat(queries.ledger().balance("live", "section/SU/fund", Currency.USD, LocalDate.of(1924, 1, 31)))
                    .isEqualTo(Money.of(15_000, "USD"));

            Explanation january = queries.explain().income("live", "SU", IncomeKind.DUES, YearMonth.of(1924, 1),
                    Currency.USD, PageRequest.first(10));
            assertThat(january.byProvenance()).singleElement()
                    .satisfies(c -> assertThat(c.provenance().claims()).containsExactly("claim.su.dues.1924"));
            assertThat(january.events().items()).hasSize(2);
            queries.trialBalance().verify("live");
            queries.trialBalance().verifyJournal(null);
        }
    }

    @Test
    void aRemittanceLeavesTheClearingAccountAtZeroOnceReceived() {
        String db = TestPostgres.freshDatabase("live_clearing");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            SectionId de = Projected.foundSection(commands, "clr", "DE", Currency.USD);
            Projected.collectDues(commands, de, 24, "USD");
            Projected.remit(commands, de, 10_000);
            Projected.awaitAllProjected(jdbc);

            ProjectionQueries queries = context.getBean(ProjectionQueries.class);
            queries.trialBalance().requireSettled("clr");
            assertThat(queries.ledger().balance("clr", "clearing/central", Currency.USD, LocalDate.of(1924, 12, 31)))
                    .as("in transit at the end of 1924").isEqualTo(Money.of(10_000, "USD"));
            assertThat(queries.ledger().balance("clr", "fund/central", Currency.USD, null)).isEqualTo(Money.of(10_000, "USD"));
            // 1.00 + 2.00 + ... + 24.00 collected, 100.00 remitted.
            assertThat(queries.ledger().balance("clr", "section/DE/fund", Currency.USD, null))
                    .isEqualTo(Money.of(100L * 24 * 25 / 2 - 10_000, "USD"));
        }
    }
}
