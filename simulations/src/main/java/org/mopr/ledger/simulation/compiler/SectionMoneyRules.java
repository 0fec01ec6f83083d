package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.ReportMembership;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.simulation.allocation.LargestRemainder;
import org.mopr.ledger.simulation.scenario.Settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a section's own sources say of it, booked by the rules file's steps "section-collections" (a sum a section
 * collected over a period, spread over its months and kept in its fund) and "section-census" (its members at a
 * date). A claim the scenario cannot place on a founded, unbanned section is set aside with the reason.
 */
final class SectionMoneyRules {

    static final String STEP = "section-collections";
    static final String CENSUS = "section-census";

    private SectionMoneyRules() {
    }

    /** The currencies a section keeps: the ledger's own and whatever its documented sums are counted in. */
    static Set<Currency> currencies(CompileContext ctx, String code) {
        Set<Currency> currencies = new TreeSet<>(OrganisationRules.CURRENCIES);
        ctx.catalog.byKind(ClaimKind.MONEY).stream()
                .filter(c -> c.inScope() && code.equals(c.subject().name()) && c.subject().type().namesSection())
                .forEach(c -> currencies.add(c.money().currency()));
        return currencies;
    }

    static void apply(CompileContext ctx) {
        for (Claim c : ctx.catalog.claims()) {
            if (!c.inScope()) {
                continue;
            }
            CompileRules.Rule rule = ctx.rules.ruleFor(c).orElse(null);
            if (rule != null && rule.books().equals(STEP)) {
                collections(ctx, c, rule);
            } else if (rule != null && rule.books().equals(CENSUS)) {
                census(ctx, c);
            }
        }
    }

    private static void census(CompileContext ctx, Claim c) {
        String code = c.subject().name();
        LocalDate day = ctx.place(c.date(), c.id());
        if (day == null || !ctx.inWindow(day) || !ctx.active(code, day)) {
            ctx.omit(c, "section " + code + " is not founded and active on " + (day == null ? c.dateText() : day)
                    + " in this scenario: its membership cannot be reported");
            return;
        }
        Provenance provenance = ctx.documented(c.date(), c.id());
        long members = c.count();
        ctx.use(c.id());
        ctx.plan.add(day, Plan.Stage.CENSUS, run -> new ReportMembership(new SectionId(run, code), day, members,
                provenance));
    }

    private static void collections(CompileContext ctx, Claim c, CompileRules.Rule rule) {
        String code = c.subject().name();
        if (ctx.sectionsPlaced.get(code) == null) {
            ctx.omit(c, "section " + code + " is not founded in this scenario: its collections have no fund");
            return;
        }
        List<LocalDate> days = MoneyRules.months(ctx, code, c).stream()
                .filter(d -> ctx.active(code, d)).toList();
        if (days.isEmpty()) {
            ctx.omit(c, "no month of " + c.dateText() + " falls while section " + code + " is founded and active");
            return;
        }
        String model = rule.parameter("months") == null ? "aid-months" : rule.parameter("months");
        Settings.AllocationRule months = ctx.settings.allocation(model);
        BigDecimal factor = MoneyRules.factor(ctx, code);
        long total = BigDecimal.valueOf(c.money().minor()).multiply(factor).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long[] shares = LargestRemainder.split(total, months.model().weights(days.size(), months.sigma(),
                ctx.subSeed(c.id() + "/months")));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", months.model().id());
        parameters.put("sigma", String.valueOf(months.sigma()));
        parameters.put("months", days.get(0) + ".." + days.get(days.size() - 1));
        if (factor.compareTo(BigDecimal.ONE) != 0) {
            parameters.put("duesFactor", factor.toPlainString());
        }
        Provenance collected = ctx.simulated(model, parameters, c.id());
        ctx.use(c.id());
        for (int m = 0; m < days.size(); m++) {
            if (shares[m] == 0) {
                continue;
            }
            LocalDate day = days.get(m);
            Money amount = new Money(shares[m], c.money().currency());
            if (ctx.settings.granularity() == Settings.Granularity.MEMBER_MONTH) {
                ctx.collections.add(new CompileContext.Collection(code, day, amount, collected));
            } else {
                ctx.plan.add(day, Plan.Stage.INCOME, run -> new CollectDues(new SectionId(run, code),
                        List.of(new DuesLine(day, "members of section " + code, amount)), collected));
            }
        }
    }
}
