package org.mopr.ledger.simulation.compiler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.organisation.SetClaimAside;
import org.mopr.ledger.rates.DeclareExchangeRate;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DissolutionReason;
import org.mopr.ledger.section.DissolveSection;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.ReceiveDonation;
import org.mopr.ledger.section.RemitToFund;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mopr.ledger.simulation.compiler.Compiled.aid;
import static org.mopr.ledger.simulation.compiler.Compiled.dues;
import static org.mopr.ledger.simulation.compiler.Compiled.ofType;

/**
 * Each shipped what-if against the historical scenario with the same seed: it changes what it asks and
 * nothing else. "Nothing else" is checked on the command lists themselves: remove the commands the what-if
 * is allowed to change from both, and what is left must be the same list, command for command, in order.
 * Every test runs on the shipped seed and on another one, so a difference cannot hide behind one seed.
 */
class WhatIfTest {

    private static final LocalDate BAN = LocalDate.of(1923, 6, 1);
    /** MOPR's founding day: where us-founded-1921 places the US section, and de-founded-1921 and bg-formed-1920 theirs. */
    private static final LocalDate MOPR_FOUNDED = LocalDate.of(1922, 11, 30);

    private static final Predicate<Object> MONEY_MOVEMENT = c -> c instanceof CollectDues || c instanceof RemitToFund
            || c instanceof ReceiveRemittance || c instanceof SendFundAid;

    private static List<Object> commands(String scenario, long seed) {
        // Both sides are compiled with the seed given here, whatever their files say.
        return Compiled.commands(scenario, seed);
    }

    private static List<Object> without(List<Object> commands, Predicate<Object> changed) {
        return commands.stream().filter(changed.negate()).toList();
    }

    /** Minor units moved per currency by the commands of one type. */
    private static <T> Map<String, Long> total(List<Object> commands, Class<T> type, Function<T, Money> amount) {
        Map<String, Long> sums = new TreeMap<>();
        ofType(commands, type).forEach(c -> sums.merge(amount.apply(c).currency().code(), amount.apply(c).minor(), Long::sum));
        return sums;
    }

    private static Map<String, Long> remitted(List<Object> commands) {
        return total(commands, RemitToFund.class, RemitToFund::amount);
    }

    private static Map<String, Long> received(List<Object> commands) {
        return total(commands, ReceiveRemittance.class, ReceiveRemittance::amount);
    }

    private static long aidTo(List<Object> commands, String country, String currency, Predicate<LocalDate> when) {
        return aid(commands, a -> a.country().equals(country) && when.test(a.sentOn())).getOrDefault(currency, 0L);
    }

    /** Where money went, without how much: the what-ifs that scale money must keep this shape. */
    private static List<String> shape(List<Object> commands) {
        List<String> out = new ArrayList<>();
        for (Object c : commands) {
            if (c instanceof CollectDues d) {
                for (DuesLine l : d.lines()) {
                    out.add("dues " + d.sectionId().code() + " " + l.paidOn() + " " + l.amount().currency());
                }
            } else if (c instanceof RemitToFund r) {
                out.add("remit " + r.sectionId().code() + " " + r.remittedOn() + " " + r.amount().currency());
            } else if (c instanceof ReceiveRemittance r) {
                out.add("receive " + r.from().code() + " " + r.receivedOn() + " " + r.amount().currency());
            } else if (c instanceof SendFundAid a) {
                out.add("aid " + a.country() + " " + a.sentOn() + " " + a.amount().currency());
            }
        }
        return out;
    }

    // --- ban-italy-1923 -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1922L, 7L})
    void banItalyDissolvesTheSectionOnceAndRaisesItalysShareOnlyAfterTheBan(long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> banned = commands("ban-italy-1923", seed);

        assertThat(ofType(historical, DissolveSection.class)).isEmpty();
        List<DissolveSection> dissolved = ofType(banned, DissolveSection.class);
        assertThat(dissolved).singleElement().satisfies(d -> {
            assertThat(d.sectionId().code()).isEqualTo("IT");
            assertThat(d.on()).isEqualTo(BAN);
            assertThat(d.reason()).isEqualTo(DissolutionReason.BANNED);
        });

        // Every documented total is kept: the ban moves aid between countries, it does not create or lose any.
        assertThat(aid(banned, a -> true)).isEqualTo(aid(historical, a -> true)).isNotEmpty();
        assertThat(dues(banned)).isEqualTo(dues(historical));

        // Before the ban nothing differs at all; after it, Italy's share of each currency grows.
        Predicate<LocalDate> before = d -> d.isBefore(BAN);
        Predicate<LocalDate> after = d -> !d.isBefore(BAN);
        for (String currency : List.of("USD", "FRF", "XRG")) {
            assertThat(aidTo(banned, "IT", currency, before)).as(currency + " before").isEqualTo(aidTo(historical, "IT", currency, before));
            assertThat(aidTo(banned, "IT", currency, after)).as(currency + " after")
                    .isGreaterThan(aidTo(historical, "IT", currency, after));
        }
        Predicate<Object> aidBeforeBan = c -> c instanceof SendFundAid a && a.sentOn().isBefore(BAN);
        assertThat(banned.stream().filter(aidBeforeBan).toList()).isNotEmpty()
                .isEqualTo(historical.stream().filter(aidBeforeBan).toList());

        // aidShift 2.0 with even weights: Italy gets twice what any other country gets in each sending,
        // up to the unit each of the two largest-remainder shares may gain.
        for (SendFundAid toItaly : ofType(banned, SendFundAid.class)) {
            if (!toItaly.country().equals("IT") || toItaly.sentOn().isBefore(BAN)) {
                continue;
            }
            ofType(banned, SendFundAid.class).stream()
                    .filter(o -> o.sentOn().equals(toItaly.sentOn()) && !o.country().equals("IT")
                            && o.amount().currency().equals(toItaly.amount().currency())
                            && o.provenance().claims().equals(toItaly.provenance().claims()))
                    .forEach(other -> assertThat(Math.abs(toItaly.amount().minor() - 2 * other.amount().minor()))
                            .as(toItaly + " against " + other).isLessThanOrEqualTo(2));
        }

        // Nothing else: the same commands once the dissolution and the re-weighted aid are set apart.
        Predicate<Object> changed = c -> c instanceof DissolveSection || c instanceof SendFundAid a && !a.sentOn().isBefore(BAN);
        assertThat(without(banned, changed)).isEqualTo(without(historical, changed));
        // The re-weighted aid goes to the same countries on the same days in the same currencies.
        assertThat(shape(banned)).isEqualTo(shape(historical));
        assertThat(banned).hasSize(historical.size() + 1);
    }

    // --- half-dues ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1922L, 7L})
    void halfDuesHalvesEveryMoneyTotalAndNothingElse(long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> half = commands("half-dues", seed);

        for (Map.Entry<String, Long> e : dues(historical).entrySet()) {
            long halved = BigDecimal.valueOf(e.getValue()).multiply(new BigDecimal("0.5"))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            assertThat(dues(half)).as("dues " + e.getKey()).containsEntry(e.getKey(), halved);
            assertThat(remitted(half)).as("remitted " + e.getKey()).containsEntry(e.getKey(), halved);
            assertThat(received(half)).as("received " + e.getKey()).containsEntry(e.getKey(), halved);
            assertThat(aid(half, a -> true)).as("aid " + e.getKey()).containsEntry(e.getKey(), halved);
        }
        assertThat(dues(half)).containsOnlyKeys(dues(historical).keySet()).containsOnlyKeys("USD", "FRF", "XRG");
        // The documented figures themselves: $48,265.00 and 3,000.00 francs halve to the cent.
        assertThat(aid(half, a -> true)).containsEntry("USD", 2_413_250L).containsEntry("FRF", 150_000L);

        // Each month is halved too, within the unit that largest-remainder rounding may move on each side.
        List<CollectDues> monthsBefore = ofType(historical, CollectDues.class);
        List<CollectDues> monthsAfter = ofType(half, CollectDues.class);
        assertThat(monthsAfter).hasSameSizeAs(monthsBefore);
        for (int i = 0; i < monthsBefore.size(); i++) {
            long was = monthsBefore.get(i).lines().get(0).amount().minor();
            long now = monthsAfter.get(i).lines().get(0).amount().minor();
            assertThat(Math.abs(2 * now - was)).as(monthsAfter.get(i).toString()).isLessThanOrEqualTo(2);
        }
        // The factor is named where the money was collected, so a reader of the event sees the what-if.
        assertThat(monthsAfter).allSatisfy(c -> assertThat(c.provenance().parameters()).containsEntry("duesFactor", "0.5"));

        assertThat(shape(half)).isEqualTo(shape(historical));
        assertThat(without(half, MONEY_MOVEMENT)).isEqualTo(without(historical, MONEY_MOVEMENT));
        assertThat(half).hasSameSizeAs(historical);
    }

    // --- affiliates-62 --------------------------------------------------------------------------------------

    private static final String SECTIONS_67 = "c003.sections-1932-outside-ussr-67";
    private static final String AFFILIATES_62 = "c003.affiliates-1932-62";
    private static final LocalDate CENSUS_1932 = LocalDate.of(1932, 1, 1);

    private static List<ReportOrganisationMembership> census1932(List<Object> commands) {
        return ofType(commands, ReportOrganisationMembership.class).stream()
                .filter(r -> r.asOf().equals(CENSUS_1932) && r.scope() == MembershipScope.OUTSIDE_USSR).toList();
    }

    private static List<String> setAside(List<Object> commands) {
        return ofType(commands, SetClaimAside.class).stream().map(SetClaimAside::claimId).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1922L, 7L})
    void affiliates62ReplacesThe67SectionsOf1932AndNothingElse(long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> affiliates = commands("affiliates-62", seed);

        ReportOrganisationMembership was = census1932(historical).get(0);
        ReportOrganisationMembership now = census1932(affiliates).get(0);
        assertThat(census1932(historical)).hasSize(1);
        assertThat(census1932(affiliates)).hasSize(1);
        assertThat(was.sections()).isEqualTo(67);
        assertThat(now.sections()).isEqualTo(62);
        assertThat(now.members()).isEqualTo(was.members());
        assertThat(was.provenance().claims()).contains(SECTIONS_67).doesNotContain(AFFILIATES_62);
        assertThat(now.provenance().claims()).contains(AFFILIATES_62).doesNotContain(SECTIONS_67);

        // The claim not followed is set aside in either case, and the reason says which one was followed.
        assertThat(setAside(historical)).contains(AFFILIATES_62).doesNotContain(SECTIONS_67);
        assertThat(setAside(affiliates)).contains(SECTIONS_67).doesNotContain(AFFILIATES_62);
        assertThat(ofType(affiliates, SetClaimAside.class)).filteredOn(s -> s.claimId().equals(SECTIONS_67))
                .singleElement().extracting(SetClaimAside::reason).asString().contains(AFFILIATES_62);

        Predicate<Object> changed = c -> c instanceof ReportOrganisationMembership r && r.asOf().equals(CENSUS_1932)
                && r.scope() == MembershipScope.OUTSIDE_USSR
                || c instanceof SetClaimAside s && (s.claimId().equals(SECTIONS_67) || s.claimId().equals(AFFILIATES_62));
        assertThat(without(affiliates, changed)).isEqualTo(without(historical, changed));
        assertThat(affiliates).hasSameSizeAs(historical);
    }

    // --- us-founded-1921 ------------------------------------------------------------------------------------

    private static final String US_167K = "c001.us-167k-1923";

    private static List<FoundSection> usFounding(List<Object> commands) {
        return ofType(commands, FoundSection.class).stream().filter(f -> f.sectionId().code().equals("US")).toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1922L, 7L})
    void usFoundedEarlyBooksThe1923DonationAndNothingElse(long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> early = commands("us-founded-1921", seed);

        assertThat(usFounding(historical)).singleElement().extracting(FoundSection::placedOn).isEqualTo(LocalDate.of(1925, 7, 2));
        assertThat(usFounding(early)).singleElement().extracting(FoundSection::placedOn)
                .isEqualTo(MOPR_FOUNDED);

        // The 167,000 dollars: set aside in the historical record, booked in 1923 once the section exists.
        assertThat(ofType(historical, ReceiveDonation.class)).isEmpty();
        assertThat(setAside(historical)).contains(US_167K);
        assertThat(setAside(early)).doesNotContain(US_167K);
        assertThat(ofType(early, ReceiveDonation.class)).singleElement().satisfies(d -> {
            assertThat(d.sectionId().code()).isEqualTo("US");
            assertThat(d.amount()).isEqualTo(Money.of(16_700_000, "USD"));
            assertThat(d.receivedOn().getYear()).isEqualTo(1923);
            assertThat(d.provenance().claims()).containsExactly(US_167K);
        });

        Predicate<Object> changed = c -> c instanceof FoundSection f && f.sectionId().code().equals("US")
                || c instanceof ReceiveDonation
                || c instanceof SetClaimAside s && s.claimId().equals(US_167K);
        assertThat(without(early, changed)).isEqualTo(without(historical, changed));
        // The founding moved, the donation came in, the omission went: the count is unchanged.
        assertThat(early).hasSameSizeAs(historical);
    }

    // --- de-founded-1921, bg-formed-1920 ---------------------------------------------------------------------

    private static List<FoundSection> founding(List<Object> commands, String section) {
        return ofType(commands, FoundSection.class).stream().filter(f -> f.sectionId().code().equals(section)).toList();
    }

    /**
     * The text's older national body in place of the affiliates table's row: the section is founded on MOPR's
     * founding day from the text's claim, the row is set aside naming it, and no money, census or other section moves.
     */
    @ParameterizedTest
    @CsvSource({
            "de-founded-1921, DE, c003.affiliate-de, c001.de-formed-1921-04, 1924-10-16, 1922",
            "de-founded-1921, DE, c003.affiliate-de, c001.de-formed-1921-04, 1924-10-16, 7",
            "bg-formed-1920, BG, c003.affiliate-bg, c001.bg-formed-1920, 1923-09-15, 1922",
            "bg-formed-1920, BG, c003.affiliate-bg, c001.bg-formed-1920, 1923-09-15, 7"})
    void theTextsOlderBodyFoundsTheSectionOnMoprsFoundingDayAndNothingElseMoves(String whatIf, String section, String row,
            String text, LocalDate tableDay, long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> early = commands(whatIf, seed);

        assertThat(founding(historical, section)).singleElement().satisfies(f -> {
            assertThat(f.placedOn()).isEqualTo(tableDay);
            assertThat(f.provenance().claims()).containsExactly(row);
        });
        assertThat(founding(early, section)).singleElement().satisfies(f -> {
            assertThat(f.placedOn()).isEqualTo(MOPR_FOUNDED);
            // Attributed to the text's passage, not to the table row it replaces, by the rule for older bodies.
            assertThat(f.provenance().claims()).containsExactly(text);
            assertThat(f.provenance().rule()).contains("before MOPR existed");
        });

        // The row is set aside, and the reason names the passage followed; the historical run sets neither aside.
        assertThat(setAside(historical)).doesNotContain(row, text);
        assertThat(setAside(early)).contains(row).doesNotContain(text);
        assertThat(ofType(early, SetClaimAside.class)).filteredOn(s -> s.claimId().equals(row))
                .singleElement().extracting(SetClaimAside::reason).asString().contains(text);

        // Documented totals are conserved: every money total and where it went are the historical ones.
        assertThat(dues(early)).isEqualTo(dues(historical)).isNotEmpty();
        assertThat(remitted(early)).isEqualTo(remitted(historical));
        assertThat(received(early)).isEqualTo(received(historical));
        assertThat(aid(early, a -> true)).isEqualTo(aid(historical, a -> true));
        assertThat(shape(early)).isEqualTo(shape(historical));

        Predicate<Object> changed = c -> c instanceof FoundSection f && f.sectionId().code().equals(section)
                || c instanceof SetClaimAside s && s.claimId().equals(row);
        assertThat(without(early, changed)).isEqualTo(without(historical, changed));
        // The founding moved and one claim was set aside: one command more.
        assertThat(early).hasSize(historical.size() + 1);
    }

    // --- dollar-at-2-rubles ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1922L, 7L})
    void aDollarAtTwoRublesChangesOnlyTheGoldRublePartByWhatTheRateImplies(long seed) {
        List<Object> historical = commands("historical", seed);
        List<Object> twoRubles = commands("dollar-at-2-rubles", seed);

        // The 1923 dollars are part of the 440,000 gold rubles; a dearer dollar leaves less of the gold-ruble
        // total to be the Soviet section's own. The difference is the dollars at 2 less the dollars at 1.9434,
        // each converted to kopecks and rounded half up as the compiler does.
        long dollars = 4_826_500L;
        long atParity = BigDecimal.valueOf(dollars).multiply(new BigDecimal("1.9434")).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long atTwo = BigDecimal.valueOf(dollars).multiply(new BigDecimal("2")).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long implied = atTwo - atParity;
        assertThat(implied).isEqualTo(273_180L);

        Map<String, Long> aidBefore = aid(historical, a -> true);
        Map<String, Long> aidAfter = aid(twoRubles, a -> true);
        assertThat(aidAfter.get("USD")).isEqualTo(aidBefore.get("USD"));
        assertThat(aidAfter.get("FRF")).isEqualTo(aidBefore.get("FRF"));
        assertThat(aidBefore.get("XRG") - aidAfter.get("XRG")).isEqualTo(implied);
        for (Map<String, Long> totals : List.of(dues(twoRubles), remitted(twoRubles), received(twoRubles))) {
            assertThat(totals).isEqualTo(aidAfter);
        }

        // USD and FRF movements are the same commands; only the gold-ruble ones and the USD rate differ.
        Predicate<Object> xrgMovement = c -> MONEY_MOVEMENT.test(c) && Currency.XRG.equals(currencyOf(c));
        Predicate<Object> usdRate = c -> c instanceof DeclareExchangeRate r && Currency.USD.equals(r.from());
        assertThat(ofType(historical, DeclareExchangeRate.class)).filteredOn(usdRate::test).singleElement()
                .satisfies(r -> assertThat(r.numerator() + "/" + r.denominator()).isEqualTo("19434/10000"));
        assertThat(ofType(twoRubles, DeclareExchangeRate.class)).filteredOn(usdRate::test).singleElement()
                .satisfies(r -> assertThat(r.numerator() + "/" + r.denominator()).isEqualTo("2/1"));
        assertThat(without(twoRubles, xrgMovement.or(usdRate))).isEqualTo(without(historical, xrgMovement.or(usdRate)));
        assertThat(twoRubles.stream().filter(xrgMovement).count()).isPositive();
        assertThat(shape(twoRubles)).isEqualTo(shape(historical));
        assertThat(twoRubles).hasSameSizeAs(historical);
    }

    private static Currency currencyOf(Object movement) {
        if (movement instanceof CollectDues d) {
            return d.lines().get(0).amount().currency();
        }
        if (movement instanceof RemitToFund r) {
            return r.amount().currency();
        }
        if (movement instanceof ReceiveRemittance r) {
            return r.amount().currency();
        }
        return ((SendFundAid) movement).amount().currency();
    }

    // --- all of them ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ban-italy-1923", "half-dues", "affiliates-62", "us-founded-1921", "de-founded-1921", "bg-formed-1920",
            "dollar-at-2-rubles"})
    void everyWhatIfKeepsTheHistoricalSeedAndDiffersFromIt(String whatIf) {
        assertThat(ScenarioReader.SHIPPED).contains(whatIf);
        long historicalSeed = ScenarioCompiler.compile(ScenarioReader.source("historical"), null, Compiled.CATALOG).settings().seed();
        long whatIfSeed = ScenarioCompiler.compile(ScenarioReader.source(whatIf), null, Compiled.CATALOG).settings().seed();
        // Shipped with the same seed, so running both as shipped compares like with like.
        assertThat(whatIfSeed).isEqualTo(historicalSeed);
        assertThat(Compiled.commands(whatIf, null)).isNotEqualTo(Compiled.commands("historical", null));
    }
}
