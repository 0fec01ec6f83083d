package org.mopr.ledger.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.shared.RunId;

/** The international organisation itself within one run: {@code <run>/organisation/mopr}. */
public record OrganisationId(RunId run) {

    public OrganisationId {
        if (run == null) {
            throw new DomainException("organisation id without run");
        }
    }

    @JsonCreator
    public static OrganisationId parse(String id) {
        String[] parts = Ids.split(id, "organisation");
        if (!parts[2].equals("mopr")) {
            throw new DomainException("'" + id + "' is not the organisation of its run");
        }
        return new OrganisationId(RunId.of(parts[0]));
    }

    @JsonValue
    @Override
    public String toString() {
        return run + "/organisation/mopr";
    }
}
