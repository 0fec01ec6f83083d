package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.mopr.ledger.simulation.scenario.Settings;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the compiler's rules share while they turn claims into planned commands: the settings, the catalog,
 * the plan, the claims used and those left out, and the days the organisation and each section were placed on.
 */
final class CompileContext {

    final Settings settings;
    final Catalog catalog;
    final ScenarioSource source;
    /** How claims become commands, by kind and subject. */
    final CompileRules rules;
    final Plan plan = new Plan();
    final List<Omission> omissions = new ArrayList<>();
    final Set<String> used = new LinkedHashSet<>();
    /** Section code to the day it was placed on, in catalog order. */
    final Map<String, LocalDate> sectionsPlaced = new LinkedHashMap<>();
    /** Member-month granularity: the monthly collections the member-level model spreads over members. */
    final List<Collection> collections = new ArrayList<>();
    LocalDate organisationFounded;
    String[] foundingClaims = new String[0];
    LocalDate fundOpened;

    record Collection(String section, LocalDate day, org.mopr.ledger.money.Money amount, Provenance provenance) {
    }

    CompileContext(Settings settings, Catalog catalog, ScenarioSource source, CompileRules rules) {
        this.rules = rules;
        this.settings = settings;
        this.catalog = catalog;
        this.source = source;
    }

    /** The day a what-if bans the section from, if it does. */
    java.util.Optional<LocalDate> bannedFrom(String section) {
        return settings.bans().stream().filter(b -> b.section().equals(section))
                .map(org.mopr.ledger.simulation.scenario.Scenario.Ban::from).min(LocalDate::compareTo);
    }

    /** A section can act on a day from its founding until a ban. */
    boolean active(String section, LocalDate day) {
        LocalDate founded = sectionsPlaced.get(section);
        return founded != null && !day.isBefore(founded) && bannedFrom(section).map(day::isBefore).orElse(true);
    }

    Claim claim(String id) {
        return catalog.find(id).orElseThrow(() -> new DomainException("the catalog has no claim '" + id
                + "', which the historical rules need"));
    }

    void use(String... claimIds) {
        used.addAll(List.of(claimIds));
    }

    void omit(Claim claim, String reason) {
        omissions.add(new Omission(claim.id(), reason));
        used.add(claim.id());
    }

    boolean inWindow(LocalDate day) {
        return day != null && !day.isBefore(settings.windowFrom()) && !day.isAfter(settings.windowTo());
    }

    /**
     * Places a date by the scenario's policy; the seed of a random placement is derived from the claim id so
     * adding a claim elsewhere does not move this one.
     */
    LocalDate place(HistoricalDate date, String claimId) {
        return settings.placement().place(date, settings.windowFrom(), settings.windowTo(), subSeed(claimId));
    }

    long subSeed(String key) {
        long h = settings.seed();
        for (int i = 0; i < key.length(); i++) {
            h = h * 1_000_003L + key.charAt(i);
        }
        return h ^ (h >>> 29);
    }

    /**
     * Documented when the source gives the day; otherwise the day is the scenario's, not the source's: DERIVED,
     * placed within the stated date by the named policy ("before 1933" placed on 1932-12-31 is not documented).
     */
    Provenance documented(HistoricalDate date, String... claims) {
        if (date.isExact()) {
            return Provenance.documented(claims);
        }
        return Provenance.derived("day placed within '" + date + "' by the scenario's date placement '"
                + settings.placement().id() + "'", claims).placedBy(settings.placement().id());
    }

    Provenance simulated(String model, Map<String, String> parameters, String... claims) {
        return Provenance.simulated(model, parameters, settings.seed(), claims);
    }
}
