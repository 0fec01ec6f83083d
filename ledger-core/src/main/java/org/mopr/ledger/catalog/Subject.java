package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a claim is about, written {@code type:name}: {@code organisation} (MOPR as a whole), {@code section:DE},
 * {@code country:PL} (a country's prisons or a body there that was not, or not yet, a section),
 * {@code conference:international-1924}, {@code city:Kiev}, {@code region:Ural}, {@code person:Elena Stasova},
 * {@code body:Central Bureau}, {@code periodical:Pravda}. Section and country names are section codes, so they
 * can be checked against the catalog's section list.
 */
public record Subject(Type type, String name) {

    /** The kinds of subject; the lower-case name is the prefix in the text form. */
    public enum Type {
        ORGANISATION, SECTION, COUNTRY, CONFERENCE, CITY, REGION, PERSON, BODY, PERIODICAL;

        public String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the name is a section code that must exist in the catalog's section list. */
        public boolean namesSection() {
            return this == SECTION || this == COUNTRY;
        }
    }

    static final Pattern SECTION_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,11}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_NAME = 120;

    public static final Subject ORGANISATION = new Subject(Type.ORGANISATION, null);

    public Subject {
        if (type == null) {
            throw new DomainException("subject without type");
        }
        if (type == Type.ORGANISATION) {
            if (name != null) {
                throw new DomainException("subject 'organisation' takes no name (it is MOPR as a whole)");
            }
        } else {
            if (name == null || name.isBlank() || name.length() > MAX_NAME || !name.equals(name.strip())
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new DomainException("subject " + type.prefix() + " needs a name of 1 to " + MAX_NAME
                        + " printable characters without outer spaces, got '" + name + "'");
            }
            if (type.namesSection() && !SECTION_CODE.matcher(name).matches()) {
                throw new DomainException("subject " + type.prefix() + ":" + name + " must name a section code matching "
                        + SECTION_CODE.pattern());
            }
            if (type == Type.CONFERENCE && !KEY.matcher(name).matches()) {
                throw new DomainException("conference id '" + name + "' must be lower-case letters, digits or '-'");
            }
        }
    }

    public static Subject section(String code) {
        return new Subject(Type.SECTION, code);
    }

    /** Parses {@code organisation} or {@code type:name}; the error lists the known types. */
    public static Subject parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("missing subject");
        }
        if (text.equals("organisation")) {
            return ORGANISATION;
        }
        int colon = text.indexOf(':');
        Type type = null;
        if (colon > 0) {
            for (Type t : Type.values()) {
                if (t != Type.ORGANISATION && t.prefix().equals(text.substring(0, colon))) {
                    type = t;
                }
            }
        }
        if (type == null) {
            throw new DomainException("subject '" + text + "' is not 'organisation' or one of section:, country:, "
                    + "conference:, city:, region:, person:, body:, periodical: followed by a name");
        }
        return new Subject(type, text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return name == null ? type.prefix() : type.prefix() + ":" + name;
    }
}
