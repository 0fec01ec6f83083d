package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.AffiliateCounts;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.CrossCheck;
import org.mopr.ledger.catalog.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's claim-against-claim checks ({@code checks.yaml}), evaluated against the sources and the run. A
 * what-if (claim id to a figure or a day) replaces a claim's figure or date for one evaluation, which is how each
 * check is shown able to fail.
 */
final class CrossChecks {

    private static final LocalDate MID_1923 = LocalDate.of(1923, 7, 1);

    private final Catalog catalog;
    private final RunFacts facts;
    private final Map<String, String> whatIf;

    private CrossChecks(Catalog catalog, RunFacts facts, Map<String, String> whatIf) {
        this.catalog = catalog;
        this.facts = facts;
        this.whatIf = whatIf;
    }

    static List<Line> evaluate(Catalog catalog, RunFacts facts, Bases bases, Map<String, String> whatIf) {
        CrossChecks checks = new CrossChecks(catalog, facts, whatIf);
        List<Line> lines = new ArrayList<>();
        for (CrossCheck x : catalog.checks()) {
            Line line = checks.evaluate(x);
            List<Line.Citation> citations = x.claims().stream().map(catalog::get)
                    .map(c -> new Line.Citation(c.id(), c.source(), c.quote())).toList();
            // The claims a check tests are the ones it reads the run for; the first claim of a run check only names
            // whose income it looks at.
            List<String> tested = readsRun(x) && x.claims().size() > 1 ? x.claims().subList(1, x.claims().size()) : x.claims();
            Basis basis = bases.of(readsRun(x) ? "CROSS" : "CATALOG", tested);
            lines.add(new Line(x.id(), "CROSS", line.status(), basis, line.status(), line.expected(), line.actual(),
                    line.difference(), Reconciler.relativeError(line), x.sentence() + " [" + line.reason() + "]",
                    citations, List.of()));
        }
        return lines;
    }

    private static boolean readsRun(CrossCheck x) {
        return Set.of(CrossCheck.Relation.NO_INCOME_BEFORE, CrossCheck.Relation.NO_AID_BEFORE).contains(x.relation());
    }

    private Line evaluate(CrossCheck x) {
        List<Claim> claims = x.claims().stream().map(catalog::get).toList();
        return switch (x.relation()) {
            case LESS_THAN, AT_MOST -> order(x, claims.get(0), claims.get(1), x.relation() == CrossCheck.Relation.LESS_THAN);
            case SUM -> sum(x, claims);
            case MAJORITY -> majority(x, claims.get(0), claims.get(1));
            case WITHIN_TABLE -> withinTable(x, claims.get(0));
            case NOT_AFTER -> notAfter(x, claims.get(0), claims.get(1));
            case NO_INCOME_BEFORE -> noIncomeBefore(x, claims.get(0), claims.get(claims.size() - 1));
            case NO_AID_BEFORE -> noAidBefore(x, claims.get(0));
            case PART_AT_RATES -> partAtRates(x, claims);
        };
    }

    private BigDecimal figure(Claim c) {
        String replaced = whatIf.get(c.id());
        if (replaced != null) {
            return new BigDecimal(replaced);
        }
        return c.kind() == ClaimKind.MONEY ? BigDecimal.valueOf(c.money().minor(), 2) : BigDecimal.valueOf(c.count());
    }

    private LocalDate day(Claim c) {
        String replaced = whatIf.get(c.id());
        return replaced != null ? LocalDate.parse(replaced) : c.date().earliest();
    }

    private static String n(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private Line order(CrossCheck x, Claim a, Claim b, boolean strict) {
        BigDecimal fa = figure(a);
        BigDecimal fb = figure(b);
        int cmp = fa.compareTo(fb);
        boolean ok = strict ? cmp < 0 : cmp <= 0;
        String rel = strict ? "below " : "at most ";
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, rel + n(fb), n(fa),
                ok ? "0" : n(fa.subtract(fb)), a.id() + " " + n(fa) + " against " + b.id() + " " + n(fb));
    }

    private Line sum(CrossCheck x, List<Claim> claims) {
        Claim whole = claims.get(claims.size() - 1);
        BigDecimal parts = claims.subList(0, claims.size() - 1).stream().map(this::figure).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = figure(whole);
        boolean ok = parts.compareTo(expected) == 0;
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, n(expected), n(parts),
                n(parts.subtract(expected)), "the parts add up to " + n(parts) + "; the whole is " + n(expected));
    }

    private Line majority(CrossCheck x, Claim all, Claim outside) {
        BigDecimal whole = figure(all);
        BigDecimal soviet = whole.subtract(figure(outside));
        BigDecimal half = whole.divide(BigDecimal.valueOf(2), 0, RoundingMode.FLOOR);
        boolean ok = soviet.compareTo(half) > 0;
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, "more than " + n(half), n(soviet),
                ok ? "0" : n(soviet.subtract(half)), "members in the USSR = " + n(whole) + " - " + n(figure(outside))
                        + " = " + n(soviet) + " of " + n(whole) + " ("
                        + soviet.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP) + "%)");
    }

    /** MATCH when the table's dated rows confirm the count; INCOMPLETE inside its range; MISMATCH outside it. */
    private Line withinTable(CrossCheck x, Claim count) {
        LocalDate day = count.date().latest() != null ? count.date().latest() : count.date().earliest();
        Map<String, Claim> claims = new LinkedHashMap<>();
        catalog.claims().forEach(c -> claims.put(c.id(), c));
        Set<String> exclude = count.scope().type() == Scope.Type.OUTSIDE_USSR ? Set.of("SU") : Set.of();
        AffiliateCounts.Range range = AffiliateCounts.asOf(catalog.sections(), claims, day, exclude);
        long stated = figure(count).longValueExact();
        String allowed = range.certain() + ".." + range.possible() + " sections";
        String why = "on " + day + " the affiliates table's rows dated by then number " + range.certain()
                + "; with rows undated or only bounded, at most " + range.possible();
        if (stated == range.certain()) {
            return Line.of(x.id(), "CROSS", Status.MATCH, allowed, stated + " sections", "0", why);
        }
        if (stated > range.certain() && stated <= range.possible()) {
            return Line.of(x.id(), "CROSS", Status.INCOMPLETE, allowed, stated + " sections",
                    String.valueOf(stated - range.certain()), why + ": the count needs " + (stated - range.certain())
                            + " of the rows the table does not date by then, which it allows but cannot confirm");
        }
        long off = stated < range.certain() ? stated - range.certain() : stated - range.possible();
        return Line.of(x.id(), "CROSS", Status.MISMATCH, allowed, stated + " sections", String.valueOf(off),
                why + ": the count lies outside what the table allows");
    }

    private Line notAfter(CrossCheck x, Claim first, Claim second) {
        LocalDate a = day(first);
        LocalDate b = whatIf.containsKey(second.id()) ? day(second) : second.date().latest();
        if (a == null || b == null) {
            return Line.of(x.id(), "CROSS", Status.UNCHECKABLE, first.dateText() + " not after " + second.dateText(),
                    null, null, "one of the dates is open");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(b, a);
        boolean ok = !a.isAfter(b);
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, "on or before " + b, a.toString(),
                ok ? "0 days" : "+" + days + " days", first.id() + " " + a + " against " + second.id() + " " + b);
    }

    private Line noIncomeBefore(CrossCheck x, Claim money, Claim from) {
        String section = money.subject().name();
        return notBefore(x, facts.firstIncome(section, "DUES"), from, "the first dues of section " + section);
    }

    private Line noAidBefore(CrossCheck x, Claim from) {
        return notBefore(x, facts.firstAid(), from, "the first aid sent");
    }

    /** The ledger keeps income and aid by month: the first month must not be before the claim's month. */
    private Line notBefore(CrossCheck x, java.util.Optional<LocalDate> first, Claim from, String what) {
        LocalDate limit = day(from);
        if (first.isEmpty()) {
            return Line.of(x.id(), "CROSS", Status.MATCH, "not before " + YearMonth.from(limit), "none", "0",
                    "the run books none");
        }
        YearMonth actual = YearMonth.from(first.get());
        YearMonth allowed = YearMonth.from(limit);
        boolean ok = !actual.isBefore(allowed);
        long months = java.time.temporal.ChronoUnit.MONTHS.between(allowed, actual);
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, "not before " + allowed, actual.toString(),
                ok ? "0 months" : months + " months", what + " fall in " + actual + "; " + from.id() + " gives " + limit);
    }

    /** Converts the other currencies at the run's rates and states the highest first rate the total allows. */
    private Line partAtRates(CrossCheck x, List<Claim> claims) {
        Claim total = claims.get(claims.size() - 1);
        String target = total.currency().code();
        BigDecimal whole = figure(total);
        BigDecimal converted = BigDecimal.ZERO;
        StringBuilder how = new StringBuilder();
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        for (Claim part : claims.subList(0, claims.size() - 1)) {
            String currency = part.currency().code();
            java.util.Optional<RunFacts.Rate> rate = facts.rate(currency, target, MID_1923);
            if (rate.isEmpty()) {
                return Line.of(x.id(), "CROSS", Status.UNCHECKABLE, "at most " + n(whole) + " " + target, null, null,
                        "the run declares no " + currency + "->" + target + " rate in 1923");
            }
            BigDecimal r = BigDecimal.valueOf(rate.get().numerator()).divide(BigDecimal.valueOf(rate.get().denominator()),
                    12, RoundingMode.HALF_UP);
            BigDecimal amount = figure(part);
            amounts.add(amount);
            rates.add(r);
            BigDecimal value = amount.multiply(r).setScale(2, RoundingMode.HALF_UP);
            converted = converted.add(value);
            how.append(n(amount)).append(' ').append(currency).append(" at ").append(n(r)).append(" = ").append(n(value))
                    .append(' ').append(target).append(rate.get().assumption() ? " (assumed rate)" : "").append("; ");
        }
        BigDecimal others = converted.subtract(amounts.get(0).multiply(rates.get(0)).setScale(2, RoundingMode.HALF_UP));
        BigDecimal bound = whole.subtract(others).divide(amounts.get(0), 4, RoundingMode.DOWN);
        boolean ok = converted.compareTo(whole) <= 0;
        return Line.of(x.id(), "CROSS", ok ? Status.MATCH : Status.MISMATCH, "at most " + n(whole) + " " + target,
                n(converted) + " " + target, ok ? "0" : n(converted.subtract(whole)) + " " + target,
                how + "they fit in the total for any " + claims.get(0).currency().code() + " rate up to " + n(bound)
                        + " " + target + " with the other rates as declared");
    }
}
