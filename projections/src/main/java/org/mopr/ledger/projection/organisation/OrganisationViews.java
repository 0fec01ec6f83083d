package org.mopr.ledger.projection.organisation;

import java.time.LocalDate;
import java.util.Map;

/** What the organisation queries return. Imprecise dates come as written, with precision, bounds and placed day. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    /** A conference: the stated total (if any) and the composition by delegate group (sorted by group). */
    public record Conference(String key, String name, String place, String datesAsWritten, String precision,
                             LocalDate earliest, LocalDate latest, LocalDate placedOn, Long delegates,
                             Map<String, Long> delegatesByGroup, long globalIndex) {
    }

    public record Leader(String person, String role, String termAsWritten, String precision, LocalDate earliest,
                         LocalDate latest, LocalDate placedOn, long globalIndex) {
    }

    /** An organisation-wide census as stated: members and/or the number of sections, for a scope. */
    public record Census(LocalDate asOf, String scope, Long members, Integer sections, String origin, long globalIndex) {
    }

    public record GoverningBody(String previousName, String newName, String dateAsWritten, String precision,
                                LocalDate earliest, LocalDate latest, LocalDate placedOn, long globalIndex) {
    }
}
