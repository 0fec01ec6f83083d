package org.mopr.ledger.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.shared.RunId;

/** A national section within one run: {@code <run>/section/<CODE>}. */
public record SectionId(RunId run, String code) {

    public SectionId {
        if (run == null) {
            throw new org.mopr.ledger.shared.DomainException("section id without run");
        }
        Ids.requireSectionCode(code);
    }

    public static SectionId of(String run, String code) {
        return new SectionId(RunId.of(run), code);
    }

    @JsonCreator
    public static SectionId parse(String id) {
        String[] parts = Ids.split(id, "section");
        return new SectionId(RunId.of(parts[0]), parts[2]);
    }

    /** The section's own fund, one account per currency. */
    public String fundAccount() {
        return "section/" + code + "/fund";
    }

    /** Where members' dues come from: an income account, credited as the fund is debited. */
    public String membersAccount() {
        return "section/" + code + "/members";
    }

    public String donorsAccount() {
        return "section/" + code + "/donors";
    }

    @JsonValue
    @Override
    public String toString() {
        return run + "/section/" + code;
    }
}
