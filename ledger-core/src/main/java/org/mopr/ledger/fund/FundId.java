package org.mopr.ledger.fund;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.shared.RunId;

/** A fund held by the central body within one run: {@code <run>/fund/<key>}, for example the central fund. */
public record FundId(RunId run, String key) {

    public static final String CENTRAL = "central";

    public FundId {
        if (run == null) {
            throw new DomainException("fund id without run");
        }
        Ids.requireKey("fund key", key);
    }

    public static FundId central(RunId run) {
        return new FundId(run, CENTRAL);
    }

    @JsonCreator
    public static FundId parse(String id) {
        String[] parts = Ids.split(id, "fund");
        return new FundId(RunId.of(parts[0]), parts[2]);
    }

    /** The fund's own account; sub-accounts ("fund/central/legal") belong to it too. */
    public String account() {
        return "fund/" + key;
    }

    /** Where remittances from sections wait between the section's and the fund's side of the transfer. */
    public String clearingAccount() {
        return "clearing/" + key;
    }

    public boolean owns(String account) {
        return account.equals(account()) || account.startsWith(account() + "/");
    }

    @JsonValue
    @Override
    public String toString() {
        return run + "/fund/" + key;
    }
}
