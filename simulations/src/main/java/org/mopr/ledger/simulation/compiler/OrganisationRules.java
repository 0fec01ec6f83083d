package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.OpenFund;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.organisation.ChangeLeadership;
import org.mopr.ledger.organisation.FoundOrganisation;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.organisation.RenameGoverningBody;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;
import org.mopr.ledger.time.Precision;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's own record: its founding, the central fund (opened with the Central Bureau), the
 * renamings of its governing body, and its leaders.
 */
final class OrganisationRules {

    /** The currencies the sources count money in: dollars, francs and gold rubles. */
    static final Set<Currency> CURRENCIES = Set.of(Currency.USD, Currency.FRF, Currency.XRG);

    /** The governing body's successive names. */
    private static final Map<String, String> NEXT_NAME = Map.of(
            "Central Bureau", "Central Committee",
            "Central Committee", "Executive Committee");

    /** The rules file's step that founds the organisation on the most precise of the dates it books. */
    static final String FOUND = "found-organisation";

    private OrganisationRules() {
    }

    static void apply(CompileContext ctx) {
        found(ctx);
        openCentralFund(ctx);
        renames(ctx);
        leaders(ctx);
    }

    private static void found(CompileContext ctx) {
        List<Claim> founding = ctx.catalog.claims().stream()
                .filter(c -> c.inScope() && ctx.rules.books(FOUND, c))
                .sorted(Comparator.comparing((Claim c) -> c.precision().ordinal()).thenComparing(Claim::id))
                .toList();
        if (founding.isEmpty()) {
            throw new DomainException("no claim is booked by the step " + FOUND + " (in the shipped rules, a DATE"
                    + " 'founded' of organisation): the organisation cannot be founded");
        }
        Claim best = founding.get(0);
        LocalDate day = ctx.place(best.date(), best.id());
        ctx.organisationFounded = day;
        ctx.foundingClaims = founding.stream().map(Claim::id).toArray(String[]::new);
        String[] ids = founding.stream().map(Claim::id).toArray(String[]::new);
        ctx.use(ids);
        ctx.plan.add(day, Plan.Stage.ORGANISATION, run -> new FoundOrganisation(new OrganisationId(run),
                "International Red Aid (MOPR)", best.date(), day, ctx.documented(best.date(), ids)));
    }

    private static void openCentralFund(CompileContext ctx) {
        Claim formed = ctx.catalog.claims().stream()
                .filter(c -> ctx.rules.books("open-central-fund", c) && c.kind() == ClaimKind.DATE)
                .findFirst().orElse(null);
        LocalDate day;
        Provenance provenance;
        if (formed != null && formed.date().isExact() && !formed.date().earliest().isBefore(ctx.organisationFounded)) {
            day = formed.date().earliest();
            provenance = Provenance.documented(formed.id());
            ctx.use(formed.id());
        } else {
            day = ctx.organisationFounded;
            provenance = Provenance.derived("the central fund opens with the organisation", ctx.foundingClaims);
        }
        ctx.fundOpened = day;
        ctx.plan.add(day, Plan.Stage.FUND, run -> new OpenFund(FundId.central(run), "MOPR central aid fund", day,
                CURRENCIES, provenance));
    }

    private static void renames(CompileContext ctx) {
        Map<String, List<Claim>> bySubject = new LinkedHashMap<>();
        ctx.catalog.claims().stream()
                .filter(c -> c.inScope() && ctx.rules.books("rename-governing-body", c) && c.kind() == ClaimKind.DATE
                        && NEXT_NAME.containsKey(c.subject().name()))
                .forEach(c -> bySubject.computeIfAbsent(c.subject().name(), k -> new java.util.ArrayList<>()).add(c));
        bySubject.forEach((body, claims) -> {
            Claim best = claims.stream().min(Comparator.comparing((Claim c) -> c.precision().ordinal())
                    .thenComparing(Claim::id)).orElseThrow();
            LocalDate day = ctx.place(best.date(), best.id());
            String[] ids = claims.stream().map(Claim::id).toArray(String[]::new);
            ctx.use(ids);
            if (day == null || !ctx.inWindow(day)) {
                claims.forEach(c -> ctx.omit(c, "the renaming cannot be placed within the ledger's period"));
                return;
            }
            ctx.plan.add(day, Plan.Stage.ORGANISATION, run -> new RenameGoverningBody(new OrganisationId(run),
                    NEXT_NAME.get(body), best.date(), day, ctx.documented(best.date(), ids)));
        });
    }

    private static void leaders(CompileContext ctx) {
        ctx.catalog.claims().stream()
                .filter(c -> c.inScope() && ctx.rules.books("leadership", c) && c.kind() == ClaimKind.LINK
                        && c.link().targets().size() == 1
                        && c.link().targets().get(0).type() == Subject.Type.ORGANISATION)
                .forEach(c -> {
                    HistoricalDate term = c.date();
                    LocalDate start = term.earliest() == null ? null
                            : ctx.settings.placement().place(HistoricalDate.year(term.earliest().getYear()),
                            ctx.settings.windowFrom(), ctx.settings.windowTo(), ctx.subSeed(c.id()));
                    if (start == null || start.isAfter(ctx.settings.windowTo())) {
                        ctx.omit(c, "the term does not begin within the ledger's period");
                        return;
                    }
                    LocalDate day = start.isBefore(ctx.organisationFounded) ? ctx.organisationFounded : start;
                    Provenance provenance = day.equals(start) ? ctx.documented(term, c.id())
                            : Provenance.derived("a term that begins before the founding is placed on the founding day", c.id());
                    ctx.use(c.id());
                    ctx.plan.add(day, Plan.Stage.ORGANISATION, run -> new ChangeLeadership(new OrganisationId(run),
                            c.subject().name(), "chairman", term, day, provenance));
                });
    }
}
