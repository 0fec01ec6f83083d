package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.Scope;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.catalog.ValueType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Counts: organisation-wide members (against the census the stream carries), sections (against the sections
 * in existence in the run on that day: where the run has fewer and undated affiliates could make up the
 * rest, the figure is INCOMPLETE, not wrong), the catalog's own ranges derived from the table, and the
 * composition of a conference's delegates.
 */
final class CountChecks {

    private CountChecks() {
    }

    /** A section's documented membership against the census of that section the stream carries. */
    private static Line sectionMembers(Claim c, RunFacts facts) {
        LocalDate to = c.date().latest() != null ? c.date().latest() : c.date().earliest();
        LocalDate from = c.date().earliest() != null ? c.date().earliest() : to;
        if (to == null) {
            return Checks.uncheckable(c, "CENSUS", "the count has no date the ledger can look at");
        }
        String section = c.subject().name();
        Optional<Long> members = facts.sectionCensus(section, from, to);
        if (members.isEmpty()) {
            return Checks.line(c, "CENSUS", Status.MISMATCH, c.count() + " members", "no census", null,
                    "the event stream carries no census of section " + section + " for " + c.dateText());
        }
        return Checks.compare(c, "CENSUS", c.count(), members.get(), "members", "the census of section " + section
                + " the stream carries for " + c.dateText());
    }

    static Line check(Claim c, RunFacts facts, Catalog catalog) {
        if (c.subject().type() == Subject.Type.CONFERENCE && "delegates".equals(c.unit())) {
            return delegates(c, facts, catalog);
        }
        if (c.subject().type() == Subject.Type.SECTION && "members".equals(c.unit())) {
            return sectionMembers(c, facts);
        }
        boolean organisation = c.subject().type() == Subject.Type.ORGANISATION
                && (c.scope().type() == Scope.Type.ALL || c.scope().type() == Scope.Type.OUTSIDE_USSR);
        if (!organisation || !("members".equals(c.unit()) || "sections".equals(c.unit()))) {
            return Checks.uncheckable(c, "COUNT_AT", "the ledger has no events that count " + c.unit()
                    + " of " + c.subject());
        }
        boolean outside = c.scope().type() == Scope.Type.OUTSIDE_USSR;
        LocalDate day = c.date().latest() != null ? c.date().latest() : c.date().earliest();
        if (day == null) {
            return Checks.uncheckable(c, "COUNT_AT", "the count has no date the ledger can look at");
        }
        if (c.value().type() == ValueType.RANGE) {
            long actual = facts.sectionsInExistence(day, outside);
            boolean inside = actual >= c.countLow() && actual <= c.countHigh();
            return Checks.line(c, "BOUND", inside ? Status.MATCH : Status.MISMATCH, c.renderValue() + " sections",
                    actual + " sections", inside ? "0" : String.valueOf(actual < c.countLow() ? actual - c.countLow()
                            : actual - c.countHigh()), "sections in existence on " + day + " in this run");
        }
        if ("members".equals(c.unit())) {
            LocalDate from = c.date().earliest() != null ? c.date().earliest() : day;
            Optional<RunFacts.Census> census = facts.census(from, day, outside ? "OUTSIDE_USSR" : "ALL");
            Long members = census.map(RunFacts.Census::members).orElse(null);
            if (members == null) {
                return Checks.line(c, "CENSUS", Status.MISMATCH, c.count() + " members", "no census", null,
                        "the event stream carries no census of members for " + c.dateText());
            }
            return Checks.compare(c, "CENSUS", c.count(), members, "members", "the census the stream carries for "
                    + c.dateText());
        }
        long actual = facts.sectionsInExistence(day, outside);
        long expected = c.count();
        if (actual == expected) {
            return Checks.compare(c, "COUNT_AT", expected, actual, "sections", "sections in existence on " + day);
        }
        // Rows with no date, only a bound, or a date that may fall after the day could have existed by then.
        java.util.Map<String, Claim> rows = new java.util.HashMap<>();
        catalog.sections().forEach(s -> rows.put(s.claimId(), catalog.get(s.claimId())));
        long possible = org.mopr.ledger.catalog.AffiliateCounts.asOf(catalog.sections(), rows, day,
                outside ? java.util.Set.of("SU") : java.util.Set.of()).possible();
        if (actual < expected && possible >= expected) {
            return Checks.line(c, "COUNT_AT", Status.INCOMPLETE, expected + " sections", actual + " sections",
                    String.valueOf(actual - expected), "the run's sections explain " + actual + " of " + expected
                            + " on " + day + "; the affiliates table's rows undated, only bounded or loosely dated allow up to "
                            + possible + ", so the other " + (expected - actual) + " may be among them");
        }
        return Checks.compare(c, "COUNT_AT", expected, actual, "sections", "sections in existence on " + day
                + (actual > expected ? ": the affiliates table dates more sections by then than the source counts" : ""));
    }

    private static Line delegates(Claim c, RunFacts facts, Catalog catalog) {
        Optional<RunFacts.Conference> conference = facts.conference(c.subject().name());
        if (conference.isEmpty()) {
            return Checks.line(c, "COMPOSITION", Status.MISMATCH, c.count() + " delegates", "no conference", null,
                    "the stream holds no conference " + c.subject().name());
        }
        if (c.partOf() != null) {
            String group = c.id().substring(c.id().lastIndexOf("delegates-") + "delegates-".length()).toUpperCase(java.util.Locale.ROOT);
            Long actual = conference.get().groups().get(group);
            Long whole = conference.get().delegates();
            if (actual == null && whole != null && !conference.get().groups().isEmpty()) {
                // The rest of the record gives this group as the total less the other groups.
                long rest = whole - conference.get().groups().values().stream().mapToLong(Long::longValue).sum();
                return Checks.compare(c, "COMPOSITION", c.count(), rest, "delegates", "the total " + whole
                        + " less the other groups " + conference.get().groups() + " (the event states no group " + group + ")");
            }
            return actual == null ? Checks.line(c, "COMPOSITION", Status.MISMATCH, c.count() + " delegates", "no group "
                    + group, null, "the conference's composition lacks this group")
                    : Checks.compare(c, "COMPOSITION", c.count(), actual, "delegates", "delegates of group " + group);
        }
        long parts = conference.get().groups().values().stream().mapToLong(Long::longValue).sum();
        Long total = conference.get().delegates();
        if (total == null && !conference.get().groups().isEmpty()) {
            return Checks.compare(c, "COMPOSITION", c.count(), parts, "delegates", "the event states no total; its groups "
                    + conference.get().groups() + " sum to " + parts);
        }
        if (total == null) {
            return Checks.line(c, "COMPOSITION", Status.MISMATCH, c.count() + " delegates", "no total", null,
                    "the conference event states no total");
        }
        String reason = catalog.partsOf(c.id()).isEmpty() ? "delegates stated"
                : "delegates stated; the groups sum to " + parts;
        if (!catalog.partsOf(c.id()).isEmpty() && parts != total) {
            return Checks.line(c, "COMPOSITION", Status.MISMATCH, c.count() + " delegates", parts + " in groups",
                    String.valueOf(parts - c.count()), "the whole is not the sum of its parts");
        }
        return Checks.compare(c, "COMPOSITION", c.count(), total, "delegates", reason);
    }
}
