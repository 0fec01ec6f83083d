package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Scope;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.simulation.allocation.Interpolation;
import org.mopr.ledger.simulation.scenario.Scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Organisation-wide censuses (members and sections, for all of MOPR or outside the USSR). Where two passages
 * conflict, the scenario follows the more precise one unless it says otherwise (preferClaim), and the other
 * stays in the catalog for the reconciliation to show. Between member censuses of the same scope, monthly
 * points are interpolated (the declared method of {@link Interpolation}).
 */
final class CensusRules {

    static final String INTERPOLATION_MODEL = "linear-between-censuses";
    /** The rules file's step that books organisation-wide counts of members or sections as censuses. */
    static final String STEP = "census";

    private CensusRules() {
    }

    private record Slot(LocalDate day, MembershipScope scope) {
    }

    private record Kept(Claim claim, LocalDate day, List<String> citations) {
    }

    static void apply(CompileContext ctx) {
        List<Claim> candidates = new ArrayList<>(ctx.catalog.claims().stream()
                .filter(c -> ctx.rules.books(STEP, c) && isCensus(c))
                .filter(c -> c.inScope() && !c.isDerived())
                // Equally precise passages keep the catalog's order: the 1932 census's 67 sections come before its 62.
                .sorted(Comparator.comparing((Claim c) -> c.precision().ordinal()))
                .toList());
        Map<String, LocalDate> dayOf = new LinkedHashMap<>();
        for (Scenario.PreferClaim p : ctx.settings.preferences()) {
            Claim use = ctx.claim(p.use());
            Claim instead = ctx.claim(p.instead());
            if (candidates.remove(instead)) {
                LocalDate slot = ctx.place(instead.date(), instead.id());
                ctx.omit(instead, "conflicts with " + use.id() + ": both stay in the catalog and the reconciliation shows"
                        + " the conflict; this scenario follows " + use.id() + " (preferClaim)");
                candidates.remove(use);
                candidates.add(0, use);
                dayOf.put(use.id(), slot);
            }
        }
        List<Kept> kept = new ArrayList<>();
        for (Claim c : candidates) {
            Kept twin = kept.stream().filter(k -> sameFigure(k.claim(), c)).findFirst().orElse(null);
            if (twin != null) {
                twin.citations().add(c.id());
                ctx.use(c.id());
                continue;
            }
            Kept rival = kept.stream().filter(k -> k.claim().conflictsWith().contains(c.id())
                    || c.conflictsWith().contains(k.claim().id())).findFirst().orElse(null);
            if (rival != null) {
                ctx.omit(c, "conflicts with " + rival.claim().id() + ": both stay in the catalog and the reconciliation"
                        + " shows the conflict; this scenario follows " + rival.claim().id() + " (preferClaim swaps them)");
                continue;
            }
            LocalDate day = dayOf.containsKey(c.id()) ? dayOf.get(c.id()) : ctx.place(c.date(), c.id());
            if (day == null || !ctx.inWindow(day)) {
                ctx.omit(c, "the census date " + c.dateText() + " lies outside the ledger's period");
                continue;
            }
            List<String> citations = new ArrayList<>(List.of(c.id()));
            kept.add(new Kept(c, day, citations));
            ctx.use(c.id());
        }

        Map<Slot, List<Kept>> slots = new TreeMap<>(Comparator.comparing(Slot::day).thenComparing(Slot::scope));
        for (Kept k : kept) {
            slots.computeIfAbsent(new Slot(k.day(), scope(k.claim())), s -> new ArrayList<>()).add(k);
        }
        Map<MembershipScope, Interpolation.Point> lastMembers = new TreeMap<>();
        Map<MembershipScope, List<String>> lastCitations = new TreeMap<>();
        slots.forEach((slot, claims) -> {
            Long members = null;
            Integer sections = null;
            List<String> citations = new ArrayList<>();
            for (Kept k : claims) {
                citations.addAll(k.citations());
                if (k.claim().unit().equals("members")) {
                    members = k.claim().count();
                } else {
                    sections = Math.toIntExact(k.claim().count());
                }
            }
            Long m = members;
            Integer s = sections;
            Claim first = claims.get(0).claim();
            Provenance provenance = ctx.documented(first.date(), citations.toArray(String[]::new));
            ctx.plan.add(slot.day(), Plan.Stage.CENSUS, run -> new ReportOrganisationMembership(new OrganisationId(run),
                    slot.day(), slot.scope(), m, s, provenance));
            if (m != null) {
                Interpolation.Point previous = lastMembers.put(slot.scope(), new Interpolation.Point(slot.day(), m));
                List<String> previousCitations = lastCitations.put(slot.scope(), citations);
                if (previous != null) {
                    // A point between two censuses rests on both of them.
                    List<String> both = new ArrayList<>(previousCitations);
                    both.addAll(citations);
                    interpolate(ctx, slot.scope(), previous, new Interpolation.Point(slot.day(), m), both);
                }
            }
        });
    }

    private static void interpolate(CompileContext ctx, MembershipScope scope, Interpolation.Point from,
                                    Interpolation.Point to, List<String> toCitations) {
        Provenance provenance = ctx.simulated(INTERPOLATION_MODEL, Map.of("from", from.date().toString(),
                "to", to.date().toString(), "method", "linear in days, half-up"), toCitations.toArray(String[]::new));
        for (Interpolation.Point p : Interpolation.monthly(from.date(), from.value(), to.date(), to.value())) {
            ctx.plan.add(p.date(), Plan.Stage.CENSUS, run -> new ReportOrganisationMembership(new OrganisationId(run),
                    p.date(), scope, p.value(), null, provenance));
        }
    }

    static boolean isCensus(Claim c) {
        return c.kind() == ClaimKind.COUNT && c.subject().type() == Subject.Type.ORGANISATION
                && ("members".equals(c.unit()) || "sections".equals(c.unit()))
                && (c.scope().type() == Scope.Type.ALL || c.scope().type() == Scope.Type.OUTSIDE_USSR)
                && c.value().type() != org.mopr.ledger.catalog.ValueType.RANGE
                && c.value().type() != org.mopr.ledger.catalog.ValueType.UNSTATED;
    }

    /** The same count of the same thing for the same scope, on dates that can be the same day: one census. */
    private static boolean sameFigure(Claim a, Claim b) {
        return a.unit().equals(b.unit()) && a.scope().equals(b.scope()) && a.count() == b.count()
                && (a.date().mayFallWithin(b.date().earliest() == null ? java.time.LocalDate.MIN : b.date().earliest(),
                b.date().latest() == null ? java.time.LocalDate.MAX : b.date().latest()));
    }

    private static MembershipScope scope(Claim c) {
        return c.scope().type() == Scope.Type.OUTSIDE_USSR ? MembershipScope.OUTSIDE_USSR : MembershipScope.ALL;
    }
}
