package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.Section;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.DissolutionReason;
import org.mopr.ledger.section.DissolveSection;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.simulation.scenario.Scenario;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Map;

/**
 * The national sections of the affiliates table: each founded on its table date placed by the scenario's
 * policy; undated rows and rows after the period are left out with their reason; a date before MOPR existed
 * (Lithuania, 1918) joins on MOPR's founding day, a derived placement. What-ifs may found a section on another
 * date, or ban it from a date.
 */
final class SectionRules {

    /** The rules file's step that founds a section from its affiliates-table row. */
    static final String STEP = "found-section";

    private SectionRules() {
    }

    /**
     * A claim that dates the same section's founding differently from its table row (German Red Aid formed
     * April 1921 in the text), or null when {@code use} is not such a twin of {@code instead}.
     */
    static Claim foundingTwin(org.mopr.ledger.catalog.Catalog catalog, Claim use, Claim instead) {
        boolean isRow = catalog.sections().stream().anyMatch(s -> s.claimId().equals(instead.id()));
        boolean datesFounding = use.kind() == org.mopr.ledger.catalog.ClaimKind.DATE && "founded".equals(use.event())
                && use.subject().equals(instead.subject());
        return isRow && datesFounding ? use : null;
    }

    private static Claim preferredTwin(CompileContext ctx, Claim row) {
        for (Scenario.PreferClaim p : ctx.settings.preferences()) {
            if (p.instead().equals(row.id())) {
                return foundingTwin(ctx.catalog, ctx.claim(p.use()), row);
            }
        }
        return null;
    }

    static void apply(CompileContext ctx) {
        Map<String, Scenario.FoundingDate> overrides = new java.util.HashMap<>();
        ctx.settings.foundingDates().forEach(f -> overrides.put(f.section(), f));
        for (Section section : ctx.catalog.sections()) {
            Claim row = ctx.claim(section.claimId());
            if (!ctx.rules.books(STEP, row)) {
                // Rules that found no section from the affiliates table: the row stays in the catalog, unbooked.
                continue;
            }
            Scenario.FoundingDate override = overrides.get(section.code());
            Claim twin = preferredTwin(ctx, row);
            if (twin != null) {
                ctx.omit(row, "what-if: replaced by its conflicting twin " + twin.id());
                row = twin;
            }
            HistoricalDate date = override != null ? HistoricalDate.parse(override.date()) : row.date();
            LocalDate placed = ctx.place(date, row.id());
            if (placed == null) {
                ctx.omit(row, "the affiliates table gives no establishment date for " + section.country()
                        + ": the section cannot be placed on the timeline");
                continue;
            }
            if (placed.isAfter(ctx.settings.windowTo())) {
                ctx.omit(row, section.country() + " was established " + row.dateText() + ", after the ledger's period");
                continue;
            }
            Provenance provenance;
            LocalDate day = placed;
            if (override != null) {
                provenance = Provenance.derived("what-if: founding date " + override.date() + " because "
                        + override.because(), row.id());
            } else if (placed.isBefore(ctx.organisationFounded)) {
                day = ctx.organisationFounded;
                provenance = Provenance.derived("established " + row.dateText()
                        + ", before MOPR existed: joins on MOPR's founding day", row.id());
            } else {
                provenance = ctx.documented(date, row.id());
            }
            if (day.isBefore(ctx.settings.windowFrom())) {
                day = ctx.settings.windowFrom();
            }
            LocalDate on = day;
            ctx.use(row.id());
            ctx.sectionsPlaced.put(section.code(), on);
            String name = section.groupName() != null ? section.groupName() : "MOPR section in " + section.country();
            ctx.plan.add(on, Plan.Stage.SECTION, run -> new FoundSection(new SectionId(run, section.code()), name,
                    date, on, SectionMoneyRules.currencies(ctx, section.code()), provenance));
        }
        for (Scenario.Ban ban : ctx.settings.bans()) {
            LocalDate founded = ctx.sectionsPlaced.get(ban.section());
            if (founded == null) {
                throw ctx.source.error("section: " + ban.section(), "cannot ban section " + ban.section()
                        + ": it is not founded within the period in this scenario");
            }
            if (!ban.from().isAfter(founded)) {
                throw ctx.source.error("from: " + ban.from(), "cannot ban section " + ban.section() + " from "
                        + ban.from() + ": it is only founded on " + founded);
            }
            Provenance provenance = ctx.simulated("what-if:ban", Map.of("section", ban.section(),
                    "from", ban.from().toString()));
            ctx.plan.add(ban.from(), Plan.Stage.DISSOLUTION, run -> new DissolveSection(new SectionId(run, ban.section()),
                    ban.from(), DissolutionReason.BANNED, provenance));
        }
    }
}
