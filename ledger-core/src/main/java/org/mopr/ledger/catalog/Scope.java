package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

/**
 * Which part of MOPR a figure covers: {@code ALL}, {@code OUTSIDE_USSR} (every section but the Soviet one),
 * {@code SECTION:<CODE>}, or {@code EXTERNAL} for bodies that were not part of MOPR (the Comintern, predecessor
 * associations, a modern movement). Reconciliation only sums claims of the same scope.
 */
public record Scope(Type type, String section) {

    public enum Type { ALL, OUTSIDE_USSR, SECTION, EXTERNAL }

    public static final Scope ALL = new Scope(Type.ALL, null);
    public static final Scope OUTSIDE_USSR = new Scope(Type.OUTSIDE_USSR, null);
    public static final Scope EXTERNAL = new Scope(Type.EXTERNAL, null);

    public Scope {
        if (type == null) {
            throw new DomainException("scope without type");
        }
        if ((type == Type.SECTION) != (section != null)) {
            throw new DomainException("scope " + type + " " + (section == null ? "needs" : "takes no") + " section code");
        }
        if (section != null && !Subject.SECTION_CODE.matcher(section).matches()) {
            throw new DomainException("scope section code '" + section + "' must match " + Subject.SECTION_CODE.pattern());
        }
    }

    public static Scope section(String code) {
        return new Scope(Type.SECTION, code);
    }

    public static Scope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("missing scope");
        }
        if (text.startsWith("SECTION:")) {
            return section(text.substring("SECTION:".length()));
        }
        return switch (text) {
            case "ALL" -> ALL;
            case "OUTSIDE_USSR" -> OUTSIDE_USSR;
            case "EXTERNAL" -> EXTERNAL;
            default -> throw new DomainException("scope '" + text
                    + "' is not one of ALL, OUTSIDE_USSR, EXTERNAL, SECTION:<CODE>");
        };
    }

    @Override
    public String toString() {
        return type == Type.SECTION ? "SECTION:" + section : type.name();
    }
}
