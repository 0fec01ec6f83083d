package org.mopr.ledger.simulation.scenario;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.simulation.allocation.DatePlacement;
import org.mopr.ledger.simulation.allocation.WeightModel;
import org.mopr.ledger.time.HistoricalDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a scenario says on its own (types, ranges, one what-if per override) and fills in defaults.
 * What needs the catalog (claim ids, section codes) is checked by the compiler against it; either way the
 * error names the file and line, and nothing is written before both pass.
 */
public final class ScenarioValidator {

    /** The ledger's period: MOPR's founding to the end of the year of its first world congress. */
    public static final LocalDate PERIOD_FROM = LocalDate.of(1922, 11, 30);
    public static final LocalDate PERIOD_TO = LocalDate.of(1932, 12, 31);
    public static final long MAX_MEMBER_EVENTS = 200_000_000L;
    /** A hold-out leaves a few claims out to see what the rest predicts; leaving out most of the catalog is not one. */
    public static final int MAX_HOLD_OUT = 100;

    /** The allocation rules the compiler knows; an unknown one in a scenario is a typo. */
    public static final Set<String> ALLOCATION_RULES = Set.of("aid-months", "aid-countries", "member-dues");

    private ScenarioValidator() {
    }

    public static Settings validate(Scenario s, ScenarioSource src) {
        require(s.name() != null && !s.name().isBlank(), src, "name:", "a scenario needs a name");
        String catalog = s.catalog() == null ? "historical" : s.catalog();
        require(catalog.equals("historical"), src, "catalog:", "unknown catalog '" + catalog + "': only 'historical' ships");
        require(s.seed() != null, src, "name:", "a scenario needs a seed (any whole number) so runs are reproducible");
        Settings.Granularity granularity = parseGranularity(s.granularity(), src);
        DatePlacement placement = s.datePlacement() == null ? DatePlacement.MIDDLE : wrap(src, "datePlacement:", () -> DatePlacement.parse(s.datePlacement()));
        LocalDate from = s.window() == null || s.window().from() == null ? PERIOD_FROM : s.window().from();
        LocalDate to = s.window() == null || s.window().to() == null ? PERIOD_TO : s.window().to();
        require(!from.isBefore(PERIOD_FROM) && !to.isAfter(PERIOD_TO) && from.isBefore(to), src, "window:",
                "window " + from + ".." + to + " must lie within the ledger's period " + PERIOD_FROM + ".." + PERIOD_TO);

        Map<String, Settings.AllocationRule> allocations = new LinkedHashMap<>();
        if (s.allocations() != null) {
            s.allocations().forEach((rule, a) -> {
                require(ALLOCATION_RULES.contains(rule), src, rule + ":", "unknown allocation rule '" + rule
                        + "': known are " + new java.util.TreeSet<>(ALLOCATION_RULES));
                require(a != null && a.model() != null, src, rule + ":", "allocation '" + rule + "' needs a model");
                WeightModel model = wrap(src, rule + ":", () -> WeightModel.parse(a.model()));
                double sigma = a.sigma() == null ? 0.3 : a.sigma();
                require(sigma >= 0 && sigma <= 3, src, "sigma:", "allocation '" + rule + "': sigma must be within [0, 3], got " + sigma);
                allocations.put(rule, new Settings.AllocationRule(model, sigma));
            });
        }

        List<Settings.RateRow> rates = new ArrayList<>();
        for (Scenario.Rate r : s.rates() == null ? List.<Scenario.Rate>of() : s.rates()) {
            rates.add(rate(r, src, from, to));
        }

        List<Scenario.Ban> bans = new ArrayList<>();
        List<Settings.DuesFactorRow> factors = new ArrayList<>();
        List<Scenario.PreferClaim> preferences = new ArrayList<>();
        List<Scenario.FoundingDate> foundings = new ArrayList<>();
        List<Scenario.Override> overrides = s.overrides() == null ? List.of() : s.overrides();
        for (int i = 0; i < overrides.size(); i++) {
            Scenario.Override o = overrides.get(i);
            require(o != null, src, "overrides:", "override " + (i + 1) + " is empty: it must be one of ban, duesFactor, preferClaim, foundingDate");
            List<String> set = new ArrayList<>();
            if (o.ban() != null) {
                set.add("ban");
            }
            if (o.duesFactor() != null) {
                set.add("duesFactor");
            }
            if (o.preferClaim() != null) {
                set.add("preferClaim");
            }
            if (o.foundingDate() != null) {
                set.add("foundingDate");
            }
            // Several overrides share the "overrides:" line, so the message counts which one is at fault.
            require(set.size() == 1, src, "overrides:", "override " + (i + 1) + (set.isEmpty() ? " sets nothing"
                    : " sets " + String.join(" and ", set)) + ": each override must be exactly one of ban, duesFactor,"
                    + " preferClaim, foundingDate (write a list item per what-if)");
            if (o.ban() != null) {
                Scenario.Ban b = o.ban();
                wrap(src, "ban:", () -> Ids.requireSectionCode(b.section()));
                require(b.from() != null, src, "ban:", "ban of " + b.section() + " needs 'from', the date the ban begins (YYYY-MM-DD)");
                require(!b.from().isBefore(from) && !b.from().isAfter(to), src, "from: " + b.from(),
                        "ban of " + b.section() + ": date " + b.from() + " lies outside the window " + from + ".." + to);
                require(b.aidShift() == null || b.aidShift() >= 0 && b.aidShift() <= 100, src, "aidShift",
                        "ban of " + b.section() + ": aidShift must be within [0, 100], got " + b.aidShift());
                bans.add(b);
            } else if (o.duesFactor() != null) {
                Scenario.DuesFactor d = o.duesFactor();
                wrap(src, "duesFactor:", () -> Ids.requireSectionCode(d.section()));
                require(d.factor() != null, src, "duesFactor:", "dues factor of " + d.section() + " needs 'factor', e.g. factor: \"0.5\"");
                BigDecimal factor = decimal(d.factor(), src, "factor:", "dues factor of " + d.section());
                require(factor.signum() >= 0 && factor.compareTo(BigDecimal.valueOf(100)) <= 0, src, "factor:",
                        "dues factor of " + d.section() + " must be within [0, 100], got " + d.factor());
                factors.add(new Settings.DuesFactorRow(d.section(), factor));
            } else if (o.preferClaim() != null) {
                require(o.preferClaim().use() != null && o.preferClaim().instead() != null, src, "preferClaim:",
                        "preferClaim needs both 'use' and 'instead'");
                preferences.add(o.preferClaim());
            } else {
                Scenario.FoundingDate f = o.foundingDate();
                wrap(src, "foundingDate:", () -> Ids.requireSectionCode(f.section()));
                HistoricalDate date;
                try {
                    date = HistoricalDate.parse(f.date());
                } catch (DomainException e) {
                    // The date parser knows only the text; the author needs to know which override it was.
                    throw src.error("date:", "founding date of " + f.section() + ": " + e.getMessage());
                }
                require(date.earliest() != null, src, "date:", "founding date of " + f.section() + " '" + f.date()
                        + "' has no first day to found the section on: give a date that begins within the window "
                        + from + ".." + to);
                // Before the window it would have been moved to the window's start without a word.
                require(!date.earliest().isBefore(from) && !date.earliest().isAfter(to), src, "date:",
                        "founding date of " + f.section() + " '" + f.date() + "' must begin within the window " + from + ".." + to);
                require(f.because() != null && !f.because().isBlank(), src, "foundingDate:",
                        "a founding-date override of " + f.section() + " must say why ('because:')");
                foundings.add(f);
            }
        }

        long memberEvents = 0;
        int perBatch = 1_000;
        if (granularity == Settings.Granularity.MEMBER_MONTH) {
            require(s.members() != null && s.members().events() != null, src, "granularity:",
                    "member-month granularity needs members.events, the number of dues events to simulate");
            memberEvents = s.members().events();
            require(memberEvents > 0 && memberEvents <= MAX_MEMBER_EVENTS, src, "events:",
                    "members.events must be within 1.." + MAX_MEMBER_EVENTS + ", got " + memberEvents);
            perBatch = s.members().perBatch() == null ? 1_000 : s.members().perBatch();
            require(perBatch >= 1 && perBatch <= org.mopr.ledger.section.CollectDues.MAX_LINES, src, "perBatch:",
                    "members.perBatch must be within 1.." + org.mopr.ledger.section.CollectDues.MAX_LINES);
        } else {
            require(s.members() == null, src, "members:", "members: applies only to granularity member-month");
        }
        List<String> holdOut = s.holdOut() == null ? List.of() : List.copyOf(s.holdOut());
        require(holdOut.size() <= MAX_HOLD_OUT, src, "holdOut:", "holdOut lists at most " + MAX_HOLD_OUT + " claims");
        return new Settings(s.name(), s.description(), catalog, s.seed(), granularity, placement, from, to, allocations,
                rates, bans, factors, preferences, foundings, memberEvents, perBatch, holdOut);
    }

    private static Settings.RateRow rate(Scenario.Rate r, ScenarioSource src, LocalDate from, LocalDate to) {
        // Rates are usually quoted ("1.9434") but an unquoted 1.9434 reads too; point at whichever was written.
        String where = src.lineOf("rate: \"" + r.rate() + "\"") > 0 ? "rate: \"" + r.rate() + "\"" : "rate: " + r.rate();
        require(r.rate() != null, src, "rates:", "a rate " + r.from() + "->" + r.to() + " needs 'rate', e.g. rate: \"1.9434\"");
        require(r.from() != null && r.to() != null, src, where, "a rate needs 'from' and 'to' currencies");
        wrap(src, "from: " + r.from(), () -> Currency.of(r.from()));
        wrap(src, "to: " + r.to(), () -> Currency.of(r.to()));
        LocalDate validFrom = r.validFrom() == null ? from : r.validFrom();
        LocalDate validTo = r.validTo() == null ? to : r.validTo();
        // A rate dated outside the window was once moved to the window's start without a word; now it is refused.
        require(!validFrom.isBefore(from) && !validFrom.isAfter(to), src, where, "rate " + r.from() + "->" + r.to()
                + ": validFrom " + validFrom + " lies outside the window " + from + ".." + to);
        require(!validTo.isBefore(from) && !validTo.isAfter(to), src, where, "rate " + r.from() + "->" + r.to()
                + ": validTo " + validTo + " lies outside the window " + from + ".." + to);
        require(!validTo.isBefore(validFrom), src, "validTo", "rate " + r.from() + "->" + r.to() + ": validTo before validFrom");
        BigDecimal value = decimal(r.rate(), src, where, "rate " + r.from() + "->" + r.to());
        require(value.signum() > 0, src, where, "rate " + r.from() + "->" + r.to() + " must be positive, got " + r.rate());
        boolean cited = r.citation() != null && !r.citation().isBlank();
        boolean assumed = Boolean.TRUE.equals(r.assumption());
        require(cited != assumed, src, where, "rate " + r.from() + "->" + r.to()
                + " needs either a citation or 'assumption: true', exactly one");
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), 0);
        require(scale <= 12, src, where, "rate " + r.rate() + " has more than 12 decimal places");
        long numerator = stripped.movePointRight(scale).longValueExact();
        long denominator = BigDecimal.TEN.pow(scale).longValueExact();
        BigDecimal[] range = r.range() == null ? new BigDecimal[2] : range(r, value, src);
        return new Settings.RateRow(r.table() == null ? "default" : r.table(), r.from(), r.to(), validFrom, validTo,
                numerator, denominator, cited ? r.citation() : null, assumed, range[0], range[1]);
    }

    /** "low..high", positive, low first, holding the rate a single run uses. */
    private static BigDecimal[] range(Scenario.Rate r, BigDecimal value, ScenarioSource src) {
        String what = "rate range " + r.from() + "->" + r.to();
        String where = src.lineOf("range: \"" + r.range() + "\"") > 0 ? "range: \"" + r.range() + "\"" : "range: " + r.range();
        String[] bounds = r.range().split("\\.\\.", -1);
        require(bounds.length == 2, src, where, what + " '" + r.range() + "' must be written low..high, e.g. \"1.90..2.05\"");
        BigDecimal low = decimal(bounds[0], src, where, what);
        BigDecimal high = decimal(bounds[1], src, where, what);
        require(low.signum() > 0, src, where, what + " must be positive, got " + r.range());
        require(low.compareTo(high) <= 0, src, where, what + " " + r.range() + " is upside down: write the lower bound first ("
                + high.toPlainString() + ".." + low.toPlainString() + ")");
        require(low.compareTo(value) <= 0 && value.compareTo(high) <= 0, src, where, what + " " + r.range()
                + " does not hold the rate " + r.rate() + " itself");
        require(Math.max(low.stripTrailingZeros().scale(), high.stripTrailingZeros().scale()) <= 12, src, where,
                what + " " + r.range() + " has more than 12 decimal places");
        return new BigDecimal[]{low, high};
    }

    private static Settings.Granularity parseGranularity(String g, ScenarioSource src) {
        if (g == null || g.equals("section-month")) {
            return Settings.Granularity.SECTION_MONTH;
        }
        require(g.equals("member-month"), src, "granularity:", "unknown granularity '" + g + "': use section-month or member-month");
        return Settings.Granularity.MEMBER_MONTH;
    }

    private static BigDecimal decimal(String text, ScenarioSource src, String needle, String what) {
        try {
            return new BigDecimal(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw src.error(needle, what + ": '" + text + "' is not a decimal number (write it in quotes, e.g. \"1.5\")");
        }
    }

    private static void require(boolean ok, ScenarioSource src, String needle, String problem) {
        if (!ok) {
            throw src.error(needle, problem);
        }
    }

    private static <T> T wrap(ScenarioSource src, String needle, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ScenarioException e) {
            throw e;
        } catch (DomainException e) {
            throw src.error(needle, e.getMessage());
        }
    }
}
