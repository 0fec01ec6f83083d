package org.mopr.ledger.api.web;

import org.mopr.ledger.organisation.MembershipScope;

import java.util.Locale;

/** {@code scope=all | outside-ussr | section:XX}: the organisation as a whole, all but the Soviet section, one section. */
record MembershipScopeParam(MembershipScope organisation, String section) {

    static MembershipScopeParam parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return new MembershipScopeParam(MembershipScope.ALL, null);
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("outside-ussr") || t.equalsIgnoreCase("outside_ussr")) {
            return new MembershipScopeParam(MembershipScope.OUTSIDE_USSR, null);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("section:")) {
            return new MembershipScopeParam(null, Params.sectionCode("scope", t.substring("section:".length())));
        }
        throw ApiProblem.badParameter("scope must be all, outside-ussr or section:XX (a section code), got '" + text + "'");
    }

    String text() {
        return section != null ? "section:" + section : organisation == MembershipScope.ALL ? "all" : "outside-ussr";
    }
}
