package org.mopr.ledger.projection.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.TransactionPosted;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.support.EventLog;
import org.mopr.ledger.projection.support.ProjectionDatabase;
import org.mopr.ledger.projection.support.ProjectionSnapshot;
import org.mopr.ledger.projection.support.Story;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection code on its own: what the story's events become, table by table, however they are batched. */
class ProjectorTest {

    private static ProjectionDatabase db;
    private static List<EventEnvelope> story;

    @BeforeAll
    static void project() {
        db = ProjectionDatabase.fresh("projector");
        story = Story.log("story").events();
        db.inTransaction(() -> new Projector(db.jdbc).apply(story));
    }

    @Test
    void duesAreSummedAndCountedPerSectionMonthAndCurrency() {
        assertThat(db.jdbc.queryForList("SELECT kind || ' ' || month || ' ' || currency || ' ' || amount_minor || ' x'"
                + " || entries FROM proj_income_month WHERE run_id = 'story' AND section_code = 'SU' ORDER BY kind, month",
                String.class)).containsExactly(
                "DONATION 1924-02-01 USD 4000 x1",
                "DUES 1924-01-01 USD 15000 x2",
                "DUES 1924-02-01 USD 2500 x1");
    }

    @Test
    void journalHasOneRowPerPostingAndBalancesToZero() {
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_journal", Long.class)).isEqualTo(2 * 7 + 3);
        assertThat(db.jdbc.queryForList("SELECT currency || ' ' || sum(amount_minor) FROM proj_journal "
                + "GROUP BY currency", String.class)).containsExactly("USD 0");
        assertThat(db.jdbc.queryForList("SELECT event_type || ' ' || origin FROM proj_journal WHERE account = 'section/SU/members'"
                + " ORDER BY global_index", String.class))
                .containsExactly("DuesCollected DOCUMENTED", "DuesCollected DOCUMENTED", "DuesCollected SIMULATED");
    }

    @Test
    void balancesAreTheSumOfPostings() {
        assertThat(db.jdbc.queryForMap("SELECT balance_minor, postings FROM proj_balance WHERE run_id = 'story' "
                + "AND account = 'section/SU/fund' AND currency = 'USD'"))
                .isEqualTo(Map.of("balance_minor", 12_500L, "postings", 6L));
        assertThat(db.jdbc.queryForObject("SELECT balance_minor FROM proj_balance WHERE account = 'clearing/central'",
                Long.class)).isZero();
        assertThat(db.jdbc.queryForObject("SELECT balance_minor FROM proj_balance WHERE account = 'fund/central'",
                Long.class)).isEqualTo(1_000);
    }

    @Test
    void flowsGoFromTheCreditedToTheDebitedAccount() {
        assertThat(db.jdbc.queryForList("SELECT from_account || ' -> ' || to_account || ' ' || month || ' ' || amount_minor"
                + " || ' x' || movements FROM proj_flow_month ORDER BY month, from_account, to_account", String.class))
                .containsExactly(
                        "section/SU/members -> section/SU/fund 1924-01-01 15000 x2",
                        "section/SU/donors -> section/SU/fund 1924-02-01 4000 x1",
                        "section/SU/members -> section/SU/fund 1924-02-01 2500 x1",
                        "section/SU/fund -> aid/PL/material 1924-03-01 6000 x1",
                        "section/SU/fund -> clearing/central 1924-03-01 3000 x1",
                        "clearing/central -> fund/central 1924-04-01 3000 x1",
                        "fund/central -> aid/DE/parcels 1924-04-01 500 x1",
                        "fund/central -> aid/PL/legal 1924-04-01 1500 x1");
    }

    @Test
    void everyEventIsExplainedWithItsClaims() {
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class)).isEqualTo(story.size());
        assertThat(db.jdbc.queryForList("SELECT DISTINCT array_to_string(claim_ids, ',') || ' ' || coalesce(rule, '-') "
                + "|| ' ' || coalesce(seed::text, '-') FROM proj_event_claims WHERE event_type = 'DuesCollected' ORDER BY 1",
                String.class)).containsExactly("claim.su.dues.1924 - -", "claim.su.dues.total monthly-dues 42");
        // Two dues events share a provenance: it is stored once.
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM proj_provenance WHERE 'claim.su.dues.1924' = ANY (claim_ids)",
                Long.class)).isEqualTo(1);
    }

    @Test
    void sectionsMembershipGoodsPatronageConferencesAndRatesAreProjected() {
        assertThat(db.jdbc.queryForList("SELECT section_code || ' ' || founded_text || ' ' || founded_precision || ' ' "
                + "|| placed_on || ' ' || coalesce(dissolved_on::text, '-') || ' ' || coalesce(dissolution_reason, '-') "
                + "FROM proj_section ORDER BY 1", String.class))
                .containsExactly("DE 1924 YEAR 1924-01-01 1924-11-01 BANNED", "SU 1922 YEAR 1922-12-01 - -");
        assertThat(db.jdbc.queryForList("SELECT as_of || ' ' || members || ' ' || kind || ' ' || origin FROM proj_membership "
                + "WHERE section_code = 'SU' ORDER BY as_of", String.class))
                .containsExactly("1924-01-01 3000000 CENSUS DOCUMENTED", "1924-02-01 3100000 INTERPOLATED SIMULATED");
        assertThat(db.jdbc.queryForObject("SELECT goods || ' ' || quantity || ' ' || unit FROM proj_goods", String.class))
                .isEqualTo("grain 500 POOD");
        assertThat(db.jdbc.queryForObject("SELECT city_name || ' ' || prison_country || ' ' || ended_on FROM proj_patronage",
                String.class)).isEqualTo("Moscow PL 1925-06-01");
        assertThat(db.jdbc.queryForList("SELECT delegate_group || '=' || delegates FROM proj_conference_delegates ORDER BY 1",
                String.class)).containsExactly("CP=91", "YCI=13", "non-party=5");
        assertThat(db.jdbc.queryForList("SELECT from_currency || to_currency || ' ' || assumption FROM proj_exchange_rate "
                + "ORDER BY global_index", String.class)).containsExactly("USDXRG false", "DEMUSD true");
    }

    @Test
    void batchingDoesNotChangeTheResult() {
        Map<String, List<String>> oneBatch = ProjectionSnapshot.of(db.jdbc);
        ProjectionDatabase other = ProjectionDatabase.fresh("projector_split");
        Random random = new Random(7);
        List<EventEnvelope> rest = new ArrayList<>(story);
        while (!rest.isEmpty()) {
            // Random batch sizes, each in its own transaction, as the processor's units of work would be.
            List<EventEnvelope> batch = List.copyOf(rest.subList(0, Math.min(rest.size(), 1 + random.nextInt(4))));
            rest.subList(0, batch.size()).clear();
            other.inTransaction(() -> new Projector(other.jdbc).apply(batch));
        }
        assertThat(ProjectionSnapshot.rows(oneBatch)).isGreaterThan(60);
        assertThat(ProjectionSnapshot.of(other.jdbc)).isEqualTo(oneBatch);
    }

    @Test
    void anEventProjectedTwiceFailsInsteadOfCountingTwice() {
        ProjectionDatabase other = ProjectionDatabase.fresh("projector_twice");
        List<EventEnvelope> first = story.subList(0, 15);
        other.inTransaction(() -> new Projector(other.jdbc).apply(first));
        assertThatThrownBy(() -> other.inTransaction(() -> new Projector(other.jdbc).apply(story.subList(14, 16))))
                .hasMessageContaining("proj_event_pkey");
        assertThat(other.jdbc.queryForObject("SELECT sum(amount_minor) FROM proj_income_month", Long.class)).isEqualTo(15_000);
    }

    @Test
    void anEventWithoutProvenanceIsStillProjectedAndSaysSo() {
        ProjectionDatabase other = ProjectionDatabase.fresh("projector_bare");
        org.mopr.ledger.section.SectionId xx = org.mopr.ledger.section.SectionId.of("bare", "XX");
        List<EventEnvelope> events = new EventLog().append(xx, new org.mopr.ledger.section.DuesCollected(xx,
                LocalDate.of(1924, 1, 1), "cell", Money.of(700, "USD"), null)).events();
        other.inTransaction(() -> new Projector(other.jdbc).apply(events));
        assertThat(other.jdbc.queryForList("SELECT coalesce(origin, 'none') || ' ' || coalesce(provenance_id::text, 'none') "
                + "FROM proj_journal ORDER BY leg", String.class)).containsExactly("none none", "none none");
        assertThat(other.jdbc.queryForObject("SELECT count(*) FROM proj_event_claims WHERE claim_ids IS NULL", Long.class))
                .isEqualTo(1);
    }

    @Test
    void anUnbalancedEventStopsTheProjectionNamingRunCurrencyAndAmount() {
        FundId central = FundId.central(RunId.of("broken"));
        TransactionPosted unbalanced = new TransactionPosted(central, LocalDate.of(1924, 1, 1), "typo", List.of(
                Posting.debit("aid/PL/legal", Money.of(1_000, "USD")), Posting.credit(central.account(), Money.of(900, "USD"))),
                false, Provenance.documented("claim.typo"));
        List<EventEnvelope> events = new EventLog().append(central, unbalanced).events();
        assertThatThrownBy(() -> db.inTransaction(() -> new Projector(db.jdbc).apply(events)))
                .isInstanceOf(ProjectionException.class)
                .hasMessageContaining("run broken")
                .hasMessageContaining("does not balance in USD")
                .hasMessageContaining("1.00 USD");
    }
}
