package org.mopr.ledger.simulation.compiler;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.organisation.SetClaimAside;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mopr.ledger.simulation.compiler.Compiled.aid;
import static org.mopr.ledger.simulation.compiler.Compiled.commands;
import static org.mopr.ledger.simulation.compiler.Compiled.dues;
import static org.mopr.ledger.simulation.compiler.Compiled.ofType;

class ScenarioCompilerTest {

    /** 440,000.00 XRG less 48,265.00 USD at 1.9434 and 3,000.00 FRF at 0.1177, in kopecks. */
    static final long XRG_OWN_PART = 44_000_000 - Math.round(4_826_500 * 1.9434) - Math.round(300_000 * 0.1177);

    @Test
    void theHistoricalScenarioSpendsExactlyTheDocumentedAid() {
        List<Object> commands = commands("historical", null);
        assertThat(aid(commands, a -> true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "USD", 4_826_500L, "FRF", 300_000L, "XRG", XRG_OWN_PART));
        // What was sent was first collected from the Soviet section's members.
        assertThat(dues(commands)).isEqualTo(aid(commands, a -> true));
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameCommands() {
        assertThat(commands("historical", 7L)).isEqualTo(commands("historical", 7L));
        assertThat(commands("synthetic-members", 7L)).isEqualTo(commands("synthetic-members", 7L));
    }

    @Property(tries = 25)
    void anySeedConservesEveryDocumentedTotal(@ForAll long seed) {
        List<Object> commands = commands(Compiled.text(SEEDED), seed);
        assertThat(aid(commands, a -> true)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "USD", 4_826_500L, "FRF", 300_000L, "XRG", XRG_OWN_PART));
        assertThat(dues(commands)).isEqualTo(aid(commands, a -> true));
    }

    @Test
    void anotherSeedMovesSimulatedMoneyButNoDocumentedFigure() {
        List<Object> a = commands(Compiled.text(SEEDED), 1L);
        List<Object> b = commands(Compiled.text(SEEDED), 2L);
        assertThat(ofType(a, SendFundAid.class)).isNotEqualTo(ofType(b, SendFundAid.class));
        assertThat(aid(a, x -> true)).isEqualTo(aid(b, x -> true));
        assertThat(ofType(a, FoundSection.class)).isEqualTo(ofType(b, FoundSection.class));
        // Interpolated censuses name their seed in their provenance, but their figures do not depend on it.
        assertThat(ofType(a, ReportOrganisationMembership.class)).extracting(r -> r.asOf() + " " + r.scope() + " " + r.members() + " " + r.sections())
                .isEqualTo(ofType(b, ReportOrganisationMembership.class).stream().map(r -> r.asOf() + " " + r.scope() + " " + r.members() + " " + r.sections()).toList());
    }

    @Test
    void memberLevelDuesConserveTheSectionTotals() {
        List<Object> commands = commands("synthetic-members", null);
        assertThat(dues(commands)).isEqualTo(aid(commands, a -> true));
        long lines = Compiled.ofType(commands, org.mopr.ledger.section.CollectDues.class).stream()
                .mapToLong(c -> c.lines().size()).sum();
        assertThat(lines).isEqualTo(50_000);
    }

    @Test
    void everyLeftOutClaimIsRecordedWithItsReason() {
        List<SetClaimAside> aside = ofType(commands("historical", null), SetClaimAside.class);
        assertThat(aside).extracting(SetClaimAside::claimId)
                .contains("c003.affiliate-al", "c003.affiliate-timor", "c001.us-167k-1923", "c003.affiliates-1932-62");
        assertThat(aside).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void shippedScenariosAllCompile() {
        for (String name : ScenarioReader.SHIPPED) {
            assertThat(commands(name, null)).as(name).isNotEmpty();
        }
    }

    @Test
    void aBannedSovietSectionCollectsAndSendsNothingFromTheBanOn() {
        List<Object> commands = commands(Compiled.text(SEEDED.replace("seed: 1", "seed: 1\noverrides:\n"
                + "  - ban: {section: SU, from: 1923-07-01}")), null);
        java.time.LocalDate ban = java.time.LocalDate.of(1923, 7, 1);
        assertThat(ofType(commands, org.mopr.ledger.section.CollectDues.class))
                .allSatisfy(c -> assertThat(c.lines().get(0).paidOn()).isBefore(ban));
        assertThat(ofType(commands, SendFundAid.class)).allSatisfy(a -> assertThat(a.sentOn()).isBefore(ban));
        assertThat(ofType(commands, org.mopr.ledger.section.DonateGoods.class))
                .allSatisfy(g -> assertThat(g.receivedOn()).isBefore(ban));
        // Nothing is booked after the ban, so every command still passes the aggregates' rules.
        assertThat(dues(commands)).isEqualTo(aid(commands, a -> true));
        assertThat(aid(commands, a -> true).get("USD")).isLessThan(4_826_500L);
    }

    @Test
    void preferringTheTextsFoundingDateFoundsTheSectionThen() {
        List<Object> commands = commands(Compiled.text(SEEDED.replace("seed: 1", "seed: 1\noverrides:\n"
                + "  - preferClaim: {use: c001.de-formed-1921-04, instead: c003.affiliate-de}")), null);
        FoundSection germany = ofType(commands, FoundSection.class).stream()
                .filter(f -> f.sectionId().code().equals("DE")).findFirst().orElseThrow();
        // April 1921 is before MOPR: the section joins on MOPR's founding day, by a derived rule.
        assertThat(germany.placedOn()).isEqualTo(java.time.LocalDate.of(1922, 11, 30));
        assertThat(germany.founded().toString()).isEqualTo("1921-04");
        assertThat(ofType(commands, SetClaimAside.class)).extracting(SetClaimAside::claimId).contains("c003.affiliate-de");
    }

    @Test
    void theMemberDuesModelShapesPaymentsButNotTheirSum() {
        String lognormal = "member-dues: {model: seeded-lognormal, sigma: 1.0}";
        List<Object> even = commands("synthetic-members", null);
        String yaml = ScenarioReader.source("synthetic-members").text();
        List<Object> skewed = commands(Compiled.text(yaml.replace("aid-countries: {model: even}",
                "aid-countries: {model: even}\n  " + lognormal)), null);
        assertThat(dues(skewed)).isEqualTo(dues(even));
        assertThat(ofType(skewed, org.mopr.ledger.section.CollectDues.class))
                .isNotEqualTo(ofType(even, org.mopr.ledger.section.CollectDues.class));
    }

    static final String SEEDED = """
            name: seeded
            seed: 1
            allocations:
              aid-months: {model: seeded-lognormal, sigma: 0.5}
              aid-countries: {model: seeded-lognormal, sigma: 0.5}
            rates:
              - {from: USD, to: XRG, rate: "1.9434", assumption: true}
              - {from: FRF, to: XRG, rate: "0.1177", assumption: true}
            """;
}
