package org.mopr.ledger.api.web;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Section;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Names of accounts for people: "section/PL/fund" is "Poland section fund", "aid/JAVA/legal" is "Aid to prisoners
 * in Java (legal)". Country names come from the catalog's affiliates table; an account of another shape keeps its id.
 */
@Component
public class AccountLabels {

    private final Catalog catalog;

    public AccountLabels(Catalog catalog) {
        this.catalog = catalog;
    }

    public String country(String code) {
        if ("SU".equals(code)) {
            return "USSR";
        }
        return catalog.section(code).map(Section::country).orElse(code);
    }

    public String label(String account) {
        String[] parts = account.split("/");
        if (parts.length == 3 && parts[0].equals("section")) {
            String country = country(parts[1]);
            return switch (parts[2]) {
                case "members" -> "Members in " + country + " (dues)";
                case "donors" -> "Donors in " + country;
                case "fund" -> country + " section fund";
                default -> country + " section: " + parts[2];
            };
        }
        if (parts.length == 3 && parts[0].equals("aid")) {
            String purpose = parts[2].toLowerCase(Locale.ROOT);
            return "Aid to prisoners in " + country(parts[1]) + (purpose.equals("unspecified") ? "" : " (" + purpose + ")");
        }
        if (parts.length == 2 && parts[0].equals("fund")) {
            return parts[1].equals("central") ? "Central aid fund" : "Fund " + parts[1];
        }
        if (parts.length == 2 && parts[0].equals("clearing")) {
            return "In transit to the " + (parts[1].equals("central") ? "central" : parts[1]) + " fund";
        }
        return account;
    }
}
