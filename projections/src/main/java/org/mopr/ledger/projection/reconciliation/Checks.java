package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Claim;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Small constructors shared by the checks, so every line states its figures the same way. */
final class Checks {

    private Checks() {
    }

    static Line compare(Claim c, String check, long expected, long actual, String unit, String reason) {
        Status status = expected == actual ? Status.MATCH : Status.MISMATCH;
        return line(c, check, status, expected + " " + unit, actual + " " + unit, String.valueOf(actual - expected),
                reason);
    }

    static Line line(Claim c, String check, Status status, String expected, String actual, String difference,
                     String reason) {
        return Line.of(c.id(), check, status, expected, actual, difference, reason);
    }

    static Line uncheckable(Claim c, String check, String reason) {
        return line(c, check, Status.UNCHECKABLE, c.renderValue(), null, null, reason);
    }

    /** A day against what the claim's date can mean: inside is a match; outside, the distance in days. */
    static Line day(Claim c, String check, LocalDate actual, String what) {
        LocalDate earliest = c.date().earliest();
        LocalDate latest = c.date().latest();
        boolean inside = (earliest == null || !actual.isBefore(earliest)) && (latest == null || !actual.isAfter(latest));
        String difference = inside ? "0 days" : earliest != null && actual.isBefore(earliest)
                ? ChronoUnit.DAYS.between(earliest, actual) + " days"
                : "+" + ChronoUnit.DAYS.between(latest, actual) + " days";
        return line(c, check, inside ? Status.MATCH : Status.MISMATCH, c.dateText(), actual.toString(), difference,
                what + " placed on " + actual);
    }

    /**
     * Whether the ledger computed a figure for the line: not when it found nothing ("none", "no census"), and not
     * for a money total of nothing, which only says the run books none of it.
     */
    static boolean computesAFigure(Line l) {
        if (l.actual() == null || l.actual().startsWith("none") || l.actual().startsWith("no ")) {
            return false;
        }
        return !(l.check().equals("TOTAL") && l.actual().trim().split("\\s+")[0].matches("0(\\.0+)?"));
    }

    static String money(long minor, String currency) {
        return java.math.BigDecimal.valueOf(minor, 2).toPlainString() + " " + currency;
    }
}
