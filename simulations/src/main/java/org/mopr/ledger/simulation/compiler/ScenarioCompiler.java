package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.simulation.scenario.Scenario;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.mopr.ledger.simulation.scenario.ScenarioValidator;
import org.mopr.ledger.simulation.scenario.Settings;

import java.util.List;

/**
 * Catalog plus scenario to a plan of commands. Everything that can be wrong with a scenario is found here,
 * before the first command is sent: a scenario that fails compiles to nothing and the store stays untouched.
 */
public final class ScenarioCompiler {

    private ScenarioCompiler() {
    }

    public static CompiledScenario compile(ScenarioSource source, Long seedOverride, Catalog catalog) {
        return compile(source, seedOverride, catalog, List.of());
    }

    /**
     * Compiles with the scenario's {@code holdOut} claims and {@code extraHoldOut} (from the command line) left out of
     * the catalog, together with every claim that states the same figure: what the run then says about them comes
     * from the rest of the record only. An unknown id names the file and line, or the parameter.
     */
    public static CompiledScenario compile(ScenarioSource source, Long seedOverride, Catalog catalog,
                                           List<String> extraHoldOut) {
        return compile(source, seedOverride, catalog, extraHoldOut, java.util.function.UnaryOperator.identity());
    }

    /**
     * Compiles with the validated settings changed by {@code vary} first: an ensemble's member is the scenario with
     * another seed, placement or rate drawn, checked by the same rules as any scenario.
     */
    public static CompiledScenario compile(ScenarioSource source, Long seedOverride, Catalog catalog,
                                           List<String> extraHoldOut, java.util.function.UnaryOperator<Settings> vary) {
        Scenario scenario = ScenarioReader.parse(source);
        Settings settings = ScenarioValidator.validate(scenario, source);
        if (seedOverride != null) {
            settings = withSeed(settings, seedOverride);
        }
        // A rule for one named subject that books nothing is a typo in the rules, not a quiet no-op.
        CompileRules rules = org.mopr.ledger.simulation.scenario.ScenarioRules.of(source);
        List<String> idle = rules.unused(catalog);
        if (!idle.isEmpty()) {
            throw new DomainException(idle.get(0));
        }
        settings = vary.apply(settings);
        for (String id : settings.holdOut()) {
            if (catalog.find(id).isEmpty()) {
                throw source.errorAt("holdOut names unknown claim '" + id + "'", id, "holdOut");
            }
        }
        for (String id : extraHoldOut) {
            if (catalog.find(id).isEmpty()) {
                throw new DomainException("--hold-out names unknown claim '" + id + "'");
            }
        }
        if (!settings.holdOut().isEmpty() || !extraHoldOut.isEmpty()) {
            java.util.Set<String> out = new java.util.LinkedHashSet<>(settings.holdOut());
            out.addAll(extraHoldOut);
            java.util.Set<String> gone = catalog.withSameFigures(out);
            settings = withHoldOut(settings, List.copyOf(out), !extraHoldOut.isEmpty(), gone);
            catalog = catalog.without(gone);
        }
        checkAgainstCatalog(settings, source, catalog, rules);
        requireSources(source, catalog);
        CompileContext ctx = new CompileContext(settings, catalog, source, rules);
        OrganisationRules.apply(ctx);
        RecordRules.rates(ctx);
        SectionRules.apply(ctx);
        CensusRules.apply(ctx);
        RecordRules.conferences(ctx);
        RecordRules.patronage(ctx);
        RecordRules.goods(ctx);
        List<String> countries = AidRules.patronizedCountries(ctx);
        MoneyRules.apply(ctx, countries);
        SectionMoneyRules.apply(ctx);
        unbooked(ctx);
        setAside(ctx);
        if (settings.granularity() == Settings.Granularity.MEMBER_MONTH) {
            return MemberDuesRules.compile(ctx);
        }
        Plan plan = ctx.plan;
        return new CompiledScenario(settings, source, plan, List.copyOf(ctx.omissions), plan.size(), plan::commands);
    }

    /** Every omission becomes an event, so the store itself says what the run left out and why. */
    private static void setAside(CompileContext ctx) {
        java.time.LocalDate day = ctx.organisationFounded;
        for (Omission o : ctx.omissions) {
            ctx.plan.add(day, Plan.Stage.OTHER, run -> new org.mopr.ledger.organisation.SetClaimAside(
                    new org.mopr.ledger.organisation.OrganisationId(run), day, o.claimId(), o.reason(),
                    org.mopr.ledger.provenance.Provenance.derived("set aside: " + o.reason(), o.claimId())));
        }
    }

    /**
     * A claim the shipped rules book and the scenario's own rules do not is set aside with the reason "no rule books
     * claims of kind K for subject S", so the reconciliation says why it is missing from the run. (A claim no rules
     * at all book needs no event: the reconciliation finds it unbooked from the shipped rules and the run's
     * citations, which keeps the historical run's events as they are.)
     */
    private static void unbooked(CompileContext ctx) {
        if (ctx.rules.isShipped()) {
            return;
        }
        for (Claim c : ctx.catalog.claims()) {
            if (c.inScope() && c.kind() != org.mopr.ledger.catalog.ClaimKind.TEXT && ctx.rules.ruleFor(c).isEmpty()
                    && CompileRules.historical().ruleFor(c).isPresent() && !ctx.used.contains(c.id())) {
                ctx.omit(c, CompileRules.unbooked(c));
            }
        }
    }

    private static void checkAgainstCatalog(Settings s, ScenarioSource source, Catalog catalog, CompileRules rules) {
        for (Scenario.PreferClaim p : s.preferences()) {
            Claim use = catalog.find(p.use()).orElseThrow(() -> source.error(p.use(), "unknown claim '" + p.use() + "'"));
            catalog.find(p.instead()).orElseThrow(() -> source.error(p.instead(), "unknown claim '" + p.instead() + "'"));
            if (!use.conflictsWith().contains(p.instead())) {
                throw source.error(p.use(), "claim " + p.use() + " is not in conflict with " + p.instead()
                        + ": preferClaim only swaps a claim for its conflicting twin");
            }
            Claim instead = catalog.get(p.instead());
            if (!(CensusRules.isCensus(use) && CensusRules.isCensus(instead)) && SectionRules.foundingTwin(catalog, use, instead) == null) {
                throw source.error(p.use(), "preferClaim swaps census counts or a section's founding date;"
                        + " the scenario has no rule that books " + p.use() + " in place of " + p.instead());
            }
        }
        s.bans().forEach(b -> requireSection(catalog, source, b.section()));
        s.duesFactors().forEach(d -> requireSection(catalog, source, d.section()));
        java.util.SortedSet<String> collecting = MoneyRules.collectingSections(catalog, rules);
        for (Settings.DuesFactorRow d : s.duesFactors()) {
            if (!collecting.contains(d.section())) {
                throw source.errorAt("dues factor of " + d.section() + " has nothing to scale: the sources document"
                        + " collections only for " + collecting, "section: " + d.section(), d.section());
            }
        }
        s.foundingDates().forEach(f -> requireSection(catalog, source, f.section()));
    }

    /** A scenario that names source folders runs only on a catalog that holds them. */
    private static void requireSources(ScenarioSource source, Catalog catalog) {
        for (java.nio.file.Path folder : org.mopr.ledger.simulation.scenario.ScenarioSources.folders(source)) {
            for (String text : org.mopr.ledger.simulation.scenario.ScenarioSources.texts(folder)) {
                if (!catalog.countBySource().containsKey(text)) {
                    throw source.errorAt("sources: " + folder + " is not in the loaded catalog (" + text + " is missing):"
                            + " load it with --sources " + folder + " or mopr.sources", "sources:");
                }
            }
        }
    }

    private static void requireSection(Catalog catalog, ScenarioSource source, String code) {
        if (catalog.section(code).isEmpty()) {
            throw source.errorAt("unknown section '" + code + "': the affiliates table has no such code",
                    "section: " + code, code);
        }
    }

    /** Held out from the command line, a stored run is named apart, so it never passes for the scenario's own run. */
    /** A preference between a held-out claim and its twin has nothing left to choose between: it goes too. */
    private static Settings withHoldOut(Settings s, List<String> holdOut, boolean rename, java.util.Set<String> gone) {
        String name = rename && !s.name().endsWith("-holdout") ? s.name() + "-holdout" : s.name();
        List<Scenario.PreferClaim> preferences = s.preferences().stream()
                .filter(p -> !gone.contains(p.use()) && !gone.contains(p.instead())).toList();
        return new Settings(name, s.description(), s.catalog(), s.seed(), s.granularity(), s.placement(), s.windowFrom(),
                s.windowTo(), s.allocations(), s.rates(), s.bans(), s.duesFactors(), preferences, s.foundingDates(),
                s.memberEvents(), s.perBatch(), holdOut, s.drawRanges());
    }

    private static Settings withSeed(Settings s, long seed) {
        return new Settings(s.name(), s.description(), s.catalog(), seed, s.granularity(), s.placement(), s.windowFrom(),
                s.windowTo(), s.allocations(), s.rates(), s.bans(), s.duesFactors(), s.preferences(), s.foundingDates(),
                s.memberEvents(), s.perBatch(), s.holdOut(), s.drawRanges());
    }

    /** Thrown for a catalog that lacks what the rules need: the catalog, not the scenario, is then at fault. */
    static DomainException catalogGap(String what) {
        return new DomainException("the catalog lacks " + what);
    }
}
