package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.RemitToFund;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.simulation.allocation.LargestRemainder;
import org.mopr.ledger.simulation.scenario.Settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Soviet section's documented aid: $48,265 and 3,000 francs from March to November 1923, and 440,000 gold
 * rubles in all by the conference of July 1924. Each total is spread over its months by the scenario's
 * "aid-months" model; each month the section collects the share from its members (what was sent was first
 * collected), remits it to the central fund, and the fund sends it to prisoners by country ("aid-countries").
 * The gold-ruble total includes the 1923 dollars and francs, so its own part is derived through the
 * scenario's declared rates; without them the total is left out rather than counted twice.
 */
final class MoneyRules {

    static final String USD_1923 = "c001.ussr-aid-1923-usd";
    static final String FRF_1923 = "c001.ussr-aid-1923-frf";
    static final String XRG_TO_JULY_1924 = "c001.ussr-aid-to-1924-07-xrg";
    static final String US_1923 = "c001.us-167k-1923";
    /** Seed 001: Soviet enterprises gave "since the beginning of 1923"; nothing is collected before it. */
    static final String COLLECTIONS_FROM = "c001.ussr-collections-from-1923";
    /** The sections whose collections the sources document, so a dues factor has something to scale. */
    static final java.util.SortedSet<String> COLLECTING_SECTIONS =
            java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.List.of("SU", "US")));
    static final String SOVIET = "SU";
    /** Monthly movements are dated on the 10th: before the conference of 14 July 1924 closes the last period. */
    private static final int DAY_OF_MONTH = 10;

    private MoneyRules() {
    }

    static void apply(CompileContext ctx, List<String> aidCountries) {
        americanDefence(ctx);
        LocalDate sovietFounded = ctx.sectionsPlaced.get(SOVIET);
        // A held-out claim is missing from the catalog: the rules book what the rest of the record gives.
        Claim usd = ctx.catalog.find(USD_1923).orElse(null);
        Claim frf = ctx.catalog.find(FRF_1923).orElse(null);
        Claim xrg = ctx.catalog.find(XRG_TO_JULY_1924).orElse(null);
        if (sovietFounded == null) {
            for (Claim c : java.util.stream.Stream.of(usd, frf, xrg).filter(java.util.Objects::nonNull).toList()) {
                ctx.omit(c, "the Soviet section is not founded in this scenario, so it cannot send aid");
            }
            return;
        }
        if (usd != null) {
            spread(ctx, usd.money(), usd, aidCountries, Map.of(), USD_1923, COLLECTIONS_FROM);
        }
        if (frf != null) {
            spread(ctx, frf.money(), frf, aidCountries, Map.of(), FRF_1923, COLLECTIONS_FROM);
        }
        if (xrg == null) {
            return;
        }
        Settings.RateRow usdRate = rate(ctx, "USD");
        Settings.RateRow frfRate = rate(ctx, "FRF");
        if (usd != null && usdRate == null || frf != null && frfRate == null) {
            ctx.omit(xrg, "the gold-ruble total includes the 1923 dollars and francs; without USD->XRG and FRF->XRG"
                    + " rates in the scenario its own part cannot be separated, and counting it whole would count twice");
            return;
        }
        long usdInKopecks = usd == null ? 0 : convert(usd.money(), usdRate);
        long frfInKopecks = frf == null ? 0 : convert(frf.money(), frfRate);
        long remainder = xrg.money().minor() - usdInKopecks - frfInKopecks;
        if (remainder < 0) {
            // Not a compile error: the reconciliation's check x.dollars-and-francs-within-gold-rubles reports it as a
            // line, with the highest dollar rate the total allows.
            ctx.omit(xrg, "with these rates the 1923 dollars and francs are worth more than the 440,000 gold rubles"
                    + " they are part of (" + Money.of(usdInKopecks + frfInKopecks, "XRG") + "): nothing is left to spread");
            return;
        }
        Map<String, String> derivation = new LinkedHashMap<>();
        derivation.put("derived", xrg.money() + (usd == null ? "" : " - " + usd.money() + " x " + usdRate.numerator() + "/"
                + usdRate.denominator()) + (frf == null ? "" : " - " + frf.money() + " x " + frfRate.numerator() + "/"
                + frfRate.denominator()) + " = " + Money.of(remainder, "XRG"));
        derivation.put("rates", (usdRate == null ? "" : describe(usdRate)) + "; " + (frfRate == null ? "" : describe(frfRate)));
        List<String> parts = new ArrayList<>(List.of(XRG_TO_JULY_1924));
        if (usd != null) {
            parts.add(USD_1923);
        }
        if (frf != null) {
            parts.add(FRF_1923);
        }
        parts.add(COLLECTIONS_FROM);
        spread(ctx, Money.of(remainder, "XRG"), xrg, aidCountries, derivation, parts.toArray(String[]::new));
    }

    /**
     * The 1923 American collection for the Michigan defendants. The affiliates table founds the US section in
     * 1925, so in the historical record there is no section to book it to; a scenario that founds the section
     * earlier (us-founded-1921) books it as a donation for legal defence.
     */
    private static void americanDefence(CompileContext ctx) {
        Claim claim = ctx.catalog.find(US_1923).orElse(null);
        if (claim == null) {
            return;
        }
        LocalDate founded = ctx.sectionsPlaced.get("US");
        LocalDate day = ctx.place(claim.date(), claim.id());
        if (founded == null || day == null || founded.isAfter(claim.date().latest())) {
            ctx.omit(claim, "the affiliates table founds the US section in 1925"
                    + (founded == null ? "" : " (placed " + founded + ")")
                    + ": a 1923 collection has no section to be booked to (the what-if us-founded-1921 books it)");
            return;
        }
        LocalDate on = day.isBefore(founded) ? founded : day;
        if (!ctx.active("US", on)) {
            ctx.omit(claim, "the US section is banned by " + on + " in this scenario: the 1923 collection is not booked");
            return;
        }
        BigDecimal factor = factor(ctx, "US");
        Money amount = new Money(BigDecimal.valueOf(claim.money().minor()).multiply(factor)
                .setScale(0, RoundingMode.HALF_UP).longValueExact(), claim.money().currency());
        if (!amount.isPositive()) {
            ctx.omit(claim, "the dues factor of the US section leaves nothing of the 1923 collection");
            return;
        }
        Provenance provenance = ctx.documented(claim.date(), claim.id());
        ctx.use(claim.id());
        ctx.plan.add(on, Plan.Stage.INCOME, run -> new org.mopr.ledger.section.ReceiveDonation(new SectionId(run, "US"),
                on, "American workers, for the defence of the Michigan delegates", amount, provenance));
    }

    private static void spread(CompileContext ctx, Money documented, Claim claim, List<String> countries,
                               Map<String, String> derivation, String... claims) {
        List<LocalDate> days = months(ctx, claim);
        if (days.isEmpty()) {
            ctx.omit(claim, "no month of " + claim.dateText() + " falls after the central fund opened");
            return;
        }
        Settings.AllocationRule months = ctx.settings.allocation("aid-months");
        BigDecimal factor = factor(ctx, SOVIET);
        long total = BigDecimal.valueOf(documented.minor()).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long[] shares = LargestRemainder.split(total, months.model().weights(days.size(), months.sigma(),
                ctx.subSeed(claim.id() + "/months")));
        Map<String, String> parameters = new LinkedHashMap<>(derivation);
        parameters.put("model", months.model().id());
        parameters.put("sigma", String.valueOf(months.sigma()));
        parameters.put("months", days.get(0) + ".." + days.get(days.size() - 1));
        if (factor.compareTo(BigDecimal.ONE) != 0) {
            parameters.put("duesFactor", factor.toPlainString());
        }
        Provenance collected = ctx.simulated("aid-months", with(parameters, "rule",
                "the Soviet section collected from its members what it sent"), claims);
        Provenance moved = ctx.simulated("aid-months", parameters, claims);
        ctx.use(claims);
        LocalDate banned = ctx.bannedFrom(SOVIET).orElse(null);
        if (banned != null) {
            parameters.put("banned", "from " + banned + ": nothing is collected or sent from then on");
        }
        for (int m = 0; m < days.size(); m++) {
            // A banned section collects nothing more: the documented total is not met, and the reconciliation says so.
            if (shares[m] == 0 || banned != null && !days.get(m).isBefore(banned)) {
                continue;
            }
            LocalDate day = days.get(m);
            Money amount = new Money(shares[m], documented.currency());
            if (ctx.settings.granularity() == Settings.Granularity.MEMBER_MONTH) {
                ctx.collections.add(new CompileContext.Collection(SOVIET, day, amount, collected));
            } else {
                ctx.plan.add(day, Plan.Stage.INCOME, run -> new CollectDues(new SectionId(run, SOVIET),
                        List.of(new DuesLine(day, "members of the Soviet section", amount)), collected));
            }
            ctx.plan.add(day, Plan.Stage.TRANSFER, run -> new RemitToFund(new SectionId(run, SOVIET), day,
                    FundId.central(run), amount, false, moved));
            ctx.plan.add(day, Plan.Stage.TRANSFER, run -> new ReceiveRemittance(FundId.central(run), day,
                    new SectionId(run, SOVIET), amount, moved));
            AidRules.toCountries(ctx, day, amount, countries, claim.id() + "/" + m, claims);
        }
    }

    /** The 10th of every month of the claim's period that falls on or after the fund's opening and the section's founding. */
    private static List<LocalDate> months(CompileContext ctx, Claim claim) {
        LocalDate from = claim.date().earliest() != null ? claim.date().earliest() : ctx.settings.windowFrom();
        LocalDate to = claim.date().latest() != null ? claim.date().latest() : ctx.settings.windowTo();
        LocalDate earliestDay = ctx.fundOpened.isAfter(ctx.sectionsPlaced.get(SOVIET)) ? ctx.fundOpened : ctx.sectionsPlaced.get(SOVIET);
        LocalDate collectionsFrom = collectionsFrom(ctx);
        if (collectionsFrom != null && collectionsFrom.isAfter(earliestDay)) {
            earliestDay = collectionsFrom;
        }
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth ym = YearMonth.from(from); !ym.isAfter(YearMonth.from(to)); ym = ym.plusMonths(1)) {
            LocalDate day = ym.atDay(DAY_OF_MONTH);
            if (day.isBefore(earliestDay) && YearMonth.from(earliestDay).equals(ym)) {
                day = earliestDay;
            }
            if (!day.isBefore(earliestDay) && !day.isAfter(to) && ctx.inWindow(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * The first day of "the beginning of 1923": a beginning is where collections start, whatever the scenario's
     * placement policy does with other imprecise dates (SCENARIOS.md).
     */
    static LocalDate collectionsFrom(CompileContext ctx) {
        return ctx.catalog.find(COLLECTIONS_FROM).map(c -> c.date().earliest()).orElse(null);
    }

    private static BigDecimal factor(CompileContext ctx, String section) {
        return ctx.settings.duesFactors().stream().filter(f -> f.section().equals(section))
                .map(Settings.DuesFactorRow::factor).reduce(BigDecimal.ONE, BigDecimal::multiply);
    }

    private static Settings.RateRow rate(CompileContext ctx, String from) {
        LocalDate mid1923 = LocalDate.of(1923, 7, 1);
        return ctx.settings.rates().stream().filter(r -> r.from().equals(from) && r.to().equals("XRG")
                && !r.validFrom().isAfter(mid1923) && !r.validTo().isBefore(mid1923)).findFirst().orElse(null);
    }

    /** Both currencies have two minor digits, so minor units convert by the rate alone, rounded half up. */
    static long convert(Money money, Settings.RateRow rate) {
        return BigDecimal.valueOf(money.minor()).multiply(BigDecimal.valueOf(rate.numerator()))
                .divide(BigDecimal.valueOf(rate.denominator()), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String describe(Settings.RateRow r) {
        return r.from() + "->" + r.to() + " " + r.numerator() + "/" + r.denominator()
                + (r.assumption() ? " (assumption)" : " (" + r.citation() + ")");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
