package org.mopr.ledger.shared;

import java.util.regex.Pattern;

/** Shared checks for the keys that go into aggregate ids and account names. */
public final class Ids {

    private static final Pattern SECTION_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,11}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Ids() {
    }

    /** Section codes: ISO 3166 alpha-2 where a country had one (SU, DE, US), a readable slug otherwise. */
    public static String requireSectionCode(String code) {
        if (code == null || !SECTION_CODE.matcher(code).matches()) {
            throw new DomainException("section code '" + code + "' must match " + SECTION_CODE.pattern());
        }
        return code;
    }

    /** Lower-case keys for funds, cities, conferences. */
    public static String requireKey(String what, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new DomainException(what + " '" + key + "' must be lower-case letters, digits or '-'");
        }
        return key;
    }

    /** Splits "run/kind/key" into its three parts, refusing any other shape. */
    public static String[] split(String id, String kind) {
        String[] parts = id == null ? new String[0] : id.split("/", -1);
        if (parts.length != 3 || !parts[1].equals(kind)) {
            throw new DomainException("'" + id + "' is not a " + kind + " id of the form run/" + kind + "/key");
        }
        return parts;
    }
}
