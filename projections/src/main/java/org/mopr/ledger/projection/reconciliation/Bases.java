package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out each line's {@link Basis} from the run's provenance: which claims went into the events of the types
 * a check reads. A claim that went in, or a claim stating the same figure (same kind, subject, scope, date and
 * value; for a count the catalog derived from the affiliates table, any row of it), makes a ROUND_TRIP, or, for
 * a total, a CONSERVATION when every event that carries it was spread by a model.
 */
final class Bases {

    private static final Set<String> MONEY = Set.of("DuesCollected", "DonationReceived", "AidSent", "FundsRemitted",
            "RemittanceReceived", "TransactionPosted");
    private static final Set<String> SECTIONS = Set.of("SectionFounded", "SectionDissolved");
    /** Dates of foundings, renamings and conferences, and the month collections began (read from the dues). */
    private static final Set<String> DATES = Set.of("SectionFounded", "OrganisationFounded", "GoverningBodyRenamed",
            "FundOpened", "ConferenceHeld", "DuesCollected");
    /** The event types each kind of check reads; a check not listed reads no events. */
    private static final Map<String, Set<String>> READS = Map.of(
            "TOTAL", MONEY,
            "CENSUS", Set.of("OrganisationMembershipReported", "MembershipReported"),
            "COUNT_AT", SECTIONS,
            "BOUND", SECTIONS,
            "COMPOSITION", Set.of("ConferenceHeld"),
            "DATE", DATES,
            "LINK", Set.of("PrisonerPatronized", "LeadershipChanged"),
            "GOODS", Set.of("GoodsDonated"),
            "CROSS", MONEY,
            "RATES", Set.of("ExchangeRateDeclared"));

    private final Map<String, Set<String>> claimsByTypeAndOrigin;
    private final Map<String, List<String>> sameFigure = new HashMap<>();

    Bases(Catalog catalog, RunFacts facts) {
        this.claimsByTypeAndOrigin = facts.claimsByEventType();
        Map<String, List<String>> byFigure = new HashMap<>();
        for (Claim c : catalog.claims()) {
            byFigure.computeIfAbsent(Catalog.figure(c), k -> new java.util.ArrayList<>()).add(c.id());
        }
        byFigure.values().forEach(ids -> ids.forEach(id -> sameFigure.put(id, ids)));
        // A count the catalog derived from the affiliates table rests on every row of it: those rows are its figure.
        List<String> rows = catalog.sections().stream().map(org.mopr.ledger.catalog.Section::claimId).toList();
        for (Claim c : catalog.claims()) {
            if (c.isDerived()) {
                List<String> ids = new java.util.ArrayList<>(sameFigure.getOrDefault(c.id(), List.of(c.id())));
                ids.addAll(rows);
                sameFigure.put(c.id(), ids);
            }
        }
    }

    /** Every claim some event of the run names in its provenance. */
    Set<String> cited() {
        if (cited == null) {
            Set<String> all = new HashSet<>();
            claimsByTypeAndOrigin.values().forEach(all::addAll);
            cited = all;
        }
        return cited;
    }

    private Set<String> cited;

    /** The basis of a line about these claims, for a check of this kind. */
    Basis of(String check, List<String> claimIds) {
        Set<String> types = READS.getOrDefault(check, Set.of());
        Set<String> claims = new HashSet<>();
        for (String id : claimIds) {
            claims.addAll(sameFigure.getOrDefault(id, List.of(id)));
        }
        boolean read = false;
        boolean onlySpread = true;
        for (Map.Entry<String, Set<String>> e : claimsByTypeAndOrigin.entrySet()) {
            String key = e.getKey();
            int space = key.indexOf(' ');
            String type = space < 0 ? key : key.substring(0, space);
            if (!types.contains(type) || e.getValue().stream().noneMatch(claims::contains)) {
                continue;
            }
            read = true;
            onlySpread &= key.endsWith(" SIMULATED");
        }
        // Only a total can be conserved: any other figure that went into the events it is read from is a round trip.
        return !read ? Basis.INDEPENDENT : onlySpread && check.equals("TOTAL") ? Basis.CONSERVATION : Basis.ROUND_TRIP;
    }
}
