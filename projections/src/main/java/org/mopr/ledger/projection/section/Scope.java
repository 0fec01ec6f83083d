package org.mopr.ledger.projection.section;

import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.shared.Ids;

import java.util.List;

/**
 * Whose membership a figure counts: every section, every section but the Soviet one (the sources count both
 * ways), or one section.
 */
public record Scope(String name, String sectionCode, boolean excludesUssr) {

    /** The section code of the Soviet section, the one "outside the USSR" leaves out. */
    public static final String USSR = "SU";

    public static Scope all() {
        return new Scope(MembershipScope.ALL.name(), null, false);
    }

    public static Scope outsideUssr() {
        return new Scope(MembershipScope.OUTSIDE_USSR.name(), null, true);
    }

    public static Scope section(String code) {
        return new Scope(Ids.requireSectionCode(code), code, false);
    }

    public static Scope of(MembershipScope scope) {
        return scope == MembershipScope.ALL ? all() : outsideUssr();
    }

    /** "ALL", "OUTSIDE_USSR" or a section code. */
    public static Scope parse(String text) {
        if (MembershipScope.ALL.name().equals(text)) {
            return all();
        }
        if (MembershipScope.OUTSIDE_USSR.name().equals(text)) {
            return outsideUssr();
        }
        try {
            return section(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scope '" + text + "' is neither ALL, OUTSIDE_USSR nor a section code");
        }
    }

    /** The SQL condition on a proj_section alias {@code s}, and its argument (if any). */
    String condition(String alias) {
        if (sectionCode != null) {
            return " AND " + alias + ".section_code = ?";
        }
        return excludesUssr ? " AND " + alias + ".section_code <> '" + USSR + "'" : "";
    }

    List<Object> conditionArgs() {
        return sectionCode == null ? List.of() : List.of(sectionCode);
    }
}
