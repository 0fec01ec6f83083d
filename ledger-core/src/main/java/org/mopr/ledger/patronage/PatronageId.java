package org.mopr.ledger.patronage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.shared.RunId;

/**
 * The patronage of one city's collective over prisoners in one country's prisons:
 * {@code <run>/patronage/<city>:<COUNTRY>}.
 */
public record PatronageId(RunId run, String city, String prisonCountry) {

    public PatronageId {
        if (run == null) {
            throw new DomainException("patronage id without run");
        }
        Ids.requireKey("city key", city);
        Ids.requireSectionCode(prisonCountry);
    }

    @JsonCreator
    public static PatronageId parse(String id) {
        String[] parts = Ids.split(id, "patronage");
        int colon = parts[2].indexOf(':');
        if (colon < 0) {
            throw new DomainException("patronage id '" + id + "' must end in <city>:<COUNTRY>");
        }
        return new PatronageId(RunId.of(parts[0]), parts[2].substring(0, colon), parts[2].substring(colon + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return run + "/patronage/" + city + ":" + prisonCountry;
    }
}
