package org.mopr.ledger.projection.query;

import org.mopr.ledger.shared.Ids;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.time.YearMonth;

/** Checks of query arguments, each failing with a message that names the argument and what was wrong. */
public final class Args {

    private Args() {
    }

    /** A run id as the store writes it; a malformed one is refused rather than silently matching nothing. */
    public static String run(String runId) {
        return RunId.of(runId).value();
    }

    public static String section(String code) {
        return Ids.requireSectionCode(code);
    }

    public static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static void range(LocalDate from, LocalDate to) {
        required("from", from);
        required("to", to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it begins (" + from + ")");
        }
    }

    public static void range(YearMonth from, YearMonth to) {
        required("from", from);
        required("to", to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it begins (" + from + ")");
        }
    }

    /**
     * A LIKE pattern matching every account that starts with {@code prefix} (all accounts when null). LIKE's own
     * wildcards in the prefix are escaped, so "section_x" matches only itself, never "sectionAx".
     */
    public static String accountPrefix(String prefix) {
        if (prefix == null) {
            return "%";
        }
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
