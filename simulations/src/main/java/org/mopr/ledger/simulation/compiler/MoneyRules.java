package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.CompileRules;
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
 * Documented sums of money, booked by the rules file's money steps (never by claim id). "aid-collections": a
 * section's aid totals (in the historical record the Soviet section's $48,265 and 3,000 francs of 1923 and 440,000
 * gold rubles by July 1924) are spread over their months by the scenario's "aid-months" model; each month the
 * section collects the share from its members (what was sent was first collected), remits it to the central fund,
 * and the fund sends it to prisoners by country ("aid-countries"). A total that {@code includes} other claims is
 * booked as its remainder, converted through the scenario's declared rates; without them it is left out rather
 * than counted twice. "donation": a country's collection is a donation to that country's section, when it exists.
 */
final class MoneyRules {

    static final String AID = "aid-collections";
    static final String DONATION = "donation";
    static final String COLLECTIONS_BEGIN = "collections-begin";
    /** Monthly movements are dated on the 10th: before the conference of 14 July 1924 closes the last period. */
    static final int DAY_OF_MONTH = 10;

    private MoneyRules() {
    }

    /** The sections whose collections the sources document, so a dues factor has something to scale. */
    static java.util.SortedSet<String> collectingSections(org.mopr.ledger.catalog.Catalog catalog, CompileRules rules) {
        java.util.SortedSet<String> codes = new java.util.TreeSet<>();
        catalog.byKind(org.mopr.ledger.catalog.ClaimKind.MONEY).stream().filter(Claim::inScope)
                .filter(c -> rules.books(AID, c) || rules.books(DONATION, c) || rules.books(SectionMoneyRules.STEP, c))
                .forEach(c -> codes.add(c.subject().name()));
        return java.util.Collections.unmodifiableSortedSet(codes);
    }

    static void apply(CompileContext ctx, List<String> aidCountries) {
        donations(ctx);
        Map<String, List<Claim>> bySection = new LinkedHashMap<>();
        ctx.catalog.byKind(org.mopr.ledger.catalog.ClaimKind.MONEY).stream()
                .filter(c -> c.inScope() && ctx.rules.books(AID, c))
                .forEach(c -> bySection.computeIfAbsent(c.subject().name(), k -> new ArrayList<>()).add(c));
        bySection.forEach((code, claims) -> aid(ctx, code, claims, aidCountries));
    }

    private static void aid(CompileContext ctx, String code, List<Claim> claims, List<String> aidCountries) {
        if (ctx.sectionsPlaced.get(code) == null) {
            for (Claim c : claims) {
                ctx.omit(c, "the " + sectionName(ctx, c, code) + " section is not founded in this scenario, so it cannot send aid");
            }
            return;
        }
        // A held-out claim is missing from the catalog: the rules book what the rest of the record gives.
        List<String> begin = collectionsBegin(ctx, code).map(Claim::id).stream().toList();
        for (Claim c : claims) {
            if (c.includes().isEmpty()) {
                spread(ctx, code, c.money(), c, aidCountries, Map.of(), ids(List.of(c.id()), begin));
            }
        }
        for (Claim total : claims) {
            if (!total.includes().isEmpty()) {
                remainder(ctx, code, total, aidCountries, begin);
            }
        }
    }

    /** Books what a total holds beyond the sums it includes, each converted by the scenario's rate. */
    private static void remainder(CompileContext ctx, String code, Claim total, List<String> aidCountries,
                                  List<String> begin) {
        String to = total.money().currency().code();
        List<Claim> parts = total.includes().stream().map(id -> ctx.catalog.find(id).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        List<Settings.RateRow> rates = new ArrayList<>();
        for (Claim part : parts) {
            Settings.RateRow rate = rate(ctx, part, to);
            if (rate == null) {
                String pairs = String.join(" and ", parts.stream().map(p -> p.money().currency().code() + "->" + to)
                        .distinct().toList());
                ctx.omit(total, "the " + to + " total includes " + String.join(", ", total.includes()) + "; without "
                        + pairs + " rates in the scenario its own part cannot be separated, and counting it whole"
                        + " would count twice");
                return;
            }
            rates.add(rate);
        }
        long included = 0;
        StringBuilder derived = new StringBuilder(total.money().toString());
        for (int i = 0; i < parts.size(); i++) {
            included += convert(parts.get(i).money(), rates.get(i));
            derived.append(" - ").append(parts.get(i).money()).append(" x ").append(rates.get(i).numerator())
                    .append("/").append(rates.get(i).denominator());
        }
        long remainder = total.money().minor() - included;
        if (remainder < 0) {
            // Not a compile error: a cross-check of the catalog reports it as a line, with the rate the total allows.
            ctx.omit(total, "with these rates the sums it includes (" + String.join(", ", total.includes())
                    + ") are worth more than the " + total.money() + " they are part of ("
                    + Money.of(included, to) + "): nothing is left to spread");
            return;
        }
        Map<String, String> derivation = new LinkedHashMap<>();
        derivation.put("derived", derived + " = " + Money.of(remainder, to));
        derivation.put("rates", String.join("; ", rates.stream().map(MoneyRules::describe).toList()));
        List<String> cited = new ArrayList<>(List.of(total.id()));
        parts.forEach(p -> cited.add(p.id()));
        spread(ctx, code, Money.of(remainder, to), total, aidCountries, derivation, ids(cited, begin));
    }

    /**
     * A collection documented for a country (the 1923 American collection for the Michigan defendants) is a
     * donation to its section. Where the scenario has no section to book it to (the affiliates table founds the US
     * section in 1925), it is set aside with the reason; a scenario that founds the section earlier books it.
     */
    private static void donations(CompileContext ctx) {
        for (Claim claim : ctx.catalog.byKind(org.mopr.ledger.catalog.ClaimKind.MONEY)) {
            CompileRules.Rule rule = ctx.rules.rule(DONATION, claim).orElse(null);
            if (rule != null && claim.inScope()) {
                donation(ctx, claim, rule);
            }
        }
    }

    private static void donation(CompileContext ctx, Claim claim, CompileRules.Rule rule) {
        String code = claim.subject().name();
        LocalDate founded = ctx.sectionsPlaced.get(code);
        LocalDate day = ctx.place(claim.date(), claim.id());
        if (founded == null || day == null || founded.isAfter(claim.date().latest())) {
            String row = ctx.catalog.section(code).flatMap(s -> ctx.catalog.find(s.claimId())).map(Claim::dateText)
                    .orElse("no year");
            String note = rule.parameter("unbooked");
            ctx.omit(claim, "the affiliates table founds the " + code + " section in " + row
                    + (founded == null ? "" : " (placed " + founded + ")")
                    + ": a " + claim.dateText() + " collection has no section to be booked to"
                    + (note == null ? "" : " (" + note + ")"));
            return;
        }
        LocalDate on = day.isBefore(founded) ? founded : day;
        if (!ctx.active(code, on)) {
            ctx.omit(claim, "the " + code + " section is banned by " + on + " in this scenario: the "
                    + claim.dateText() + " collection is not booked");
            return;
        }
        BigDecimal factor = factor(ctx, code);
        Money amount = new Money(BigDecimal.valueOf(claim.money().minor()).multiply(factor)
                .setScale(0, RoundingMode.HALF_UP).longValueExact(), claim.money().currency());
        if (!amount.isPositive()) {
            ctx.omit(claim, "the dues factor of the " + code + " section leaves nothing of the " + claim.dateText()
                    + " collection");
            return;
        }
        String donor = rule.parameter("donor") != null ? rule.parameter("donor") : claim.statement();
        Provenance provenance = ctx.documented(claim.date(), claim.id());
        ctx.use(claim.id());
        ctx.plan.add(on, Plan.Stage.INCOME, run -> new org.mopr.ledger.section.ReceiveDonation(new SectionId(run, code),
                on, donor, amount, provenance));
    }

    private static String[] ids(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all.toArray(String[]::new);
    }

    /** How the rule calls the section in its reasons ("Soviet"), or its code. */
    private static String sectionName(CompileContext ctx, Claim claim, String code) {
        String name = ctx.rules.ruleFor(claim).map(r -> r.parameter("section")).orElse(null);
        return name == null ? code : name;
    }

    private static void spread(CompileContext ctx, String code, Money documented, Claim claim, List<String> countries,
                               Map<String, String> derivation, String... claims) {
        CompileRules.Rule rule = ctx.rules.rule(AID, claim).orElseThrow();
        List<LocalDate> days = months(ctx, code, claim);
        if (days.isEmpty()) {
            ctx.omit(claim, "no month of " + claim.dateText() + " falls after the central fund opened");
            return;
        }
        String model = rule.parameter("months") == null ? "aid-months" : rule.parameter("months");
        Settings.AllocationRule months = ctx.settings.allocation(model);
        BigDecimal factor = factor(ctx, code);
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
        Provenance collected = ctx.simulated(model, with(parameters, "rule",
                "the " + sectionName(ctx, claim, code) + " section collected from its members what it sent"), claims);
        Provenance moved = ctx.simulated(model, parameters, claims);
        ctx.use(claims);
        String from = rule.parameter("collectedFrom") == null ? "members of section " + code : rule.parameter("collectedFrom");
        LocalDate banned = ctx.bannedFrom(code).orElse(null);
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
                ctx.collections.add(new CompileContext.Collection(code, day, amount, collected));
            } else {
                ctx.plan.add(day, Plan.Stage.INCOME, run -> new CollectDues(new SectionId(run, code),
                        List.of(new DuesLine(day, from, amount)), collected));
            }
            ctx.plan.add(day, Plan.Stage.TRANSFER, run -> new RemitToFund(new SectionId(run, code), day,
                    FundId.central(run), amount, false, moved));
            ctx.plan.add(day, Plan.Stage.TRANSFER, run -> new ReceiveRemittance(FundId.central(run), day,
                    new SectionId(run, code), amount, moved));
            AidRules.toCountries(ctx, day, amount, countries, claim.id() + "/" + m, claims);
        }
    }

    /** The 10th of every month of the claim's period that falls on or after the fund's opening and the section's founding. */
    static List<LocalDate> months(CompileContext ctx, String code, Claim claim) {
        LocalDate from = claim.date().earliest() != null ? claim.date().earliest() : ctx.settings.windowFrom();
        LocalDate to = claim.date().latest() != null ? claim.date().latest() : ctx.settings.windowTo();
        LocalDate earliestDay = ctx.fundOpened.isAfter(ctx.sectionsPlaced.get(code)) ? ctx.fundOpened : ctx.sectionsPlaced.get(code);
        LocalDate collectionsFrom = collectionsBegin(ctx, code).map(c -> c.date().earliest()).orElse(null);
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
     * The claim that says when a section's collections began ("the beginning of 1923" for the Soviet section): a
     * beginning is where collections start, so its first day counts, whatever the scenario's placement policy does
     * with other imprecise dates (SCENARIOS.md).
     */
    static java.util.Optional<Claim> collectionsBegin(CompileContext ctx, String code) {
        return ctx.catalog.byKind(org.mopr.ledger.catalog.ClaimKind.DATE).stream()
                .filter(c -> c.inScope() && code.equals(c.subject().name()) && ctx.rules.books(COLLECTIONS_BEGIN, c))
                .findFirst();
    }

    static BigDecimal factor(CompileContext ctx, String section) {
        return ctx.settings.duesFactors().stream().filter(f -> f.section().equals(section))
                .map(Settings.DuesFactorRow::factor).reduce(BigDecimal.ONE, BigDecimal::multiply);
    }

    /** The scenario's rate from the included sum's currency, valid in the middle of that sum's period. */
    private static Settings.RateRow rate(CompileContext ctx, Claim part, String to) {
        String from = part.money().currency().code();
        LocalDate first = part.date().earliest() != null ? part.date().earliest() : ctx.settings.windowFrom();
        LocalDate last = part.date().latest() != null ? part.date().latest() : ctx.settings.windowTo();
        LocalDate middle = first.plusDays(java.time.temporal.ChronoUnit.DAYS.between(first, last) / 2);
        return ctx.settings.rates().stream().filter(r -> r.from().equals(from) && r.to().equals(to)
                && !r.validFrom().isAfter(middle) && !r.validTo().isBefore(middle)).findFirst().orElse(null);
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
