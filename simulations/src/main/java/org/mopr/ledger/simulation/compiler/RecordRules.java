package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Scope;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.catalog.ValueType;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.organisation.HoldConference;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.patronage.EstablishPatronage;
import org.mopr.ledger.patronage.PatronageId;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.rates.DeclareExchangeRate;
import org.mopr.ledger.section.DonateGoods;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.simulation.scenario.Settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** The rest of the record: goods in kind, patronage links, conferences, and the scenario's rate tables. */
final class RecordRules {

    static final String CONFERENCE = "conference";
    /** The model a quantity drawn within its stated range names (--vary ranges). */
    static final String RANGE_MODEL = "range-draw";

    private RecordRules() {
    }

    static void goods(CompileContext ctx) {
        for (Claim c : ctx.catalog.byKind(ClaimKind.GOODS)) {
            if (!c.inScope() || c.scope().type() != Scope.Type.SECTION || !ctx.rules.books("goods-donation", c)) {
                continue;
            }
            String code = c.scope().section();
            LocalDate founded = ctx.sectionsPlaced.get(code);
            LocalDate placed = ctx.place(c.date(), c.id());
            if (founded == null || placed == null || !ctx.inWindow(placed)) {
                ctx.omit(c, "the gift cannot be placed within the period of a founded section " + code);
                continue;
            }
            LocalDate day = placed.isBefore(founded) ? founded : placed;
            if (!ctx.active(code, day)) {
                ctx.omit(c, "section " + code + " is banned by " + day + " in this scenario: the gift is not booked");
                continue;
            }
            Quantity quantity;
            Provenance provenance;
            if (c.value().type() == ValueType.UNSTATED) {
                quantity = new Quantity(1, c.goodsUnit());
                provenance = Provenance.derived("the source names the gift without a quantity: counted as one lot", c.id());
            } else if (ctx.settings.drawRanges() && org.mopr.ledger.simulation.allocation.RangeDraw.spans(c.value())) {
                // An ensemble varying ranges: this member's quantity is one draw within what the source says.
                var drawn = org.mopr.ledger.simulation.allocation.RangeDraw.draw(c.value(), c.goodsUnit().minorDigits(),
                        ctx.subSeed("range/" + c.id()));
                quantity = Quantity.parse(drawn.value(), c.goodsUnit());
                provenance = ctx.simulated(RANGE_MODEL, drawn.parameters(), c.id());
            } else if (c.value().type() == ValueType.BOUND || c.value().type() == ValueType.APPROXIMATE) {
                quantity = c.quantity();
                provenance = Provenance.derived("the source gives '" + c.value().render() + "': the figure is taken as stated", c.id());
            } else {
                quantity = c.quantity();
                provenance = ctx.documented(c.date(), c.id());
            }
            String donor = c.subject().name() == null ? c.subject().toString() : c.subject().name();
            ctx.use(c.id());
            ctx.plan.add(day, Plan.Stage.INCOME, run -> new DonateGoods(new SectionId(run, code), day, donor,
                    c.commodity() == null ? "goods" : c.commodity(), quantity, provenance));
        }
    }

    static void patronage(CompileContext ctx) {
        java.util.Set<String> established = new HashSet<>();
        for (Claim c : ctx.catalog.byKind(ClaimKind.LINK)) {
            if (!c.inScope() || !ctx.rules.books("patronage", c)) {
                continue;
            }
            LocalDate placed = ctx.place(c.date(), c.id());
            if (placed == null || !ctx.inWindow(placed)) {
                ctx.omit(c, "the patronage cannot be placed within the ledger's period");
                continue;
            }
            LocalDate day = placed.isBefore(ctx.organisationFounded) ? ctx.organisationFounded : placed;
            List<String> targets = c.link().targets().stream().filter(t -> t.type() == Subject.Type.COUNTRY)
                    .map(Subject::name).toList();
            Provenance provenance;
            if (c.link().mode() == org.mopr.ledger.catalog.Link.Mode.ANY) {
                // The text pairs these cities with these countries without saying which with which.
                String pick = targets.get(new SplittableRandom(ctx.subSeed(c.id())).nextInt(targets.size()));
                targets = List.of(pick);
                provenance = ctx.simulated("ambiguous-pairing", Map.of("among", String.join(",",
                        c.link().targets().stream().map(Subject::name).toList()), "picked", pick), c.id());
            } else {
                provenance = ctx.documented(c.date(), c.id());
            }
            String city = c.subject().name();
            String key = slug(city);
            ctx.use(c.id());
            for (String country : targets) {
                if (!established.add(key + ":" + country)) {
                    continue;
                }
                ctx.plan.add(day, Plan.Stage.OTHER, run -> new EstablishPatronage(new PatronageId(run, key, country),
                        city, c.date(), day, provenance));
            }
        }
    }

    static void conferences(CompileContext ctx) {
        Map<String, List<Claim>> held = new LinkedHashMap<>();
        for (Claim c : ctx.catalog.byKind(ClaimKind.DATE)) {
            if (c.inScope() && ctx.rules.books(CONFERENCE, c) && c.subject().type() == Subject.Type.CONFERENCE
                    && c.scope().type() != Scope.Type.EXTERNAL) {
                held.computeIfAbsent(c.subject().name(), k -> new ArrayList<>()).add(c);
            }
        }
        held.forEach((name, claims) -> {
            claims.sort(Comparator.comparing((Claim c) -> c.precision().ordinal()).thenComparing(Claim::id));
            Claim best = claims.get(0);
            LocalDate day = ctx.place(best.date(), best.id());
            if (day == null || !ctx.inWindow(day) || day.isBefore(ctx.organisationFounded)) {
                claims.forEach(c -> ctx.omit(c, "the conference cannot be placed within the ledger's period"));
                return;
            }
            List<String> cited = new ArrayList<>(claims.stream().map(Claim::id).toList());
            Long delegates = null;
            Map<String, Long> groups = new TreeMap<>();
            for (Claim count : ctx.catalog.byKind(ClaimKind.COUNT)) {
                if (!ctx.rules.books(CONFERENCE, count) || !name.equals(count.subject().name())) {
                    continue;
                }
                if (count.partOf() == null) {
                    delegates = count.count();
                    cited.add(count.id());
                    for (Claim part : ctx.catalog.partsOf(count.id())) {
                        String group = part.id().substring(part.id().lastIndexOf("delegates-") + "delegates-".length());
                        groups.put(group.toUpperCase(Locale.ROOT), part.count());
                        cited.add(part.id());
                    }
                } else if (ctx.catalog.find(count.partOf()).isEmpty()) {
                    // The whole is held out: its parts still say how many came in each group.
                    String group = count.id().substring(count.id().lastIndexOf("delegates-") + "delegates-".length());
                    groups.put(group.toUpperCase(Locale.ROOT), count.count());
                    cited.add(count.id());
                }
            }
            String[] ids = cited.toArray(String[]::new);
            ctx.use(ids);
            Long total = delegates;
            Provenance provenance = ctx.documented(best.date(), ids);
            String title = name.replace('-', ' ');
            ctx.plan.add(day, Plan.Stage.OTHER, run -> new HoldConference(new OrganisationId(run), slug(name), title,
                    "Moscow", best.date(), day, total, groups, provenance));
        });
    }

    static void rates(CompileContext ctx) {
        for (Settings.RateRow r : ctx.settings.rates()) {
            LocalDate from = r.validFrom().isBefore(ctx.organisationFounded) ? ctx.organisationFounded : r.validFrom();
            Map<String, String> parameters = new TreeMap<>();
            parameters.put("rate", r.numerator() + "/" + r.denominator());
            parameters.put(r.assumption() ? "assumption" : "citation", r.assumption() ? "true" : r.citation());
            parameters.put("table", r.table());
            // A rate the scenario assumes is ASSUMED, not SIMULATED: no model drew it. A cited rate is documented
            // by its citation, which is not a catalog claim, so it too is declared by the scenario's rate table.
            Provenance provenance = Provenance.assumed(r.assumption() ? "exchange rate assumed by the scenario"
                    : "exchange rate declared by the scenario from " + r.citation(), parameters);
            ctx.plan.add(from, Plan.Stage.ORGANISATION, run -> new DeclareExchangeRate(new OrganisationId(run), r.table(),
                    Currency.of(r.from()), Currency.of(r.to()), from, r.validTo(), r.numerator(), r.denominator(),
                    r.citation(), r.assumption(), provenance));
        }
    }

    static String slug(String name) {
        return org.mopr.ledger.shared.Keys.of(name);
    }
}
