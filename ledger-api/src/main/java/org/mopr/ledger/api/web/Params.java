package org.mopr.ledger.api.web;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Query parameters, parsed here rather than by Spring's binder so that each mistake is answered with its own
 * problem type and a sentence naming the parameter, the value and the form expected.
 */
public final class Params {

    public static final int DEFAULT_LIMIT = 100;
    /** Dates outside this window are typos (a 5-digit year) and would make day series needlessly long. */
    static final int FIRST_YEAR = 1800;
    static final int LAST_YEAR = 2100;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {
    }

    /** limit (1..1000, default 100) and offset (0..1,000,000, default 0). */
    public static PageRequest page(String limit, String offset) {
        int l = integer("limit", limit, DEFAULT_LIMIT);
        int o = integer("offset", offset, 0);
        if (l < 1 || l > PageRequest.MAX_LIMIT) {
            throw ApiProblem.badPaging("limit must be between 1 and " + PageRequest.MAX_LIMIT + ", got " + l);
        }
        if (o < 0 || o > PageRequest.MAX_OFFSET) {
            throw ApiProblem.badPaging("offset must be between 0 and " + PageRequest.MAX_OFFSET + ", got " + o
                    + "; narrow the filters instead of paging that far");
        }
        return new PageRequest(l, o);
    }

    private static int integer(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badPaging(name + " must be a whole number, got '" + text + "'");
        }
    }

    /** A day, YYYY-MM-DD; null when absent. */
    public static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!DAY.matcher(text).matches()) {
            throw ApiProblem.badDate(name + " must be a day as YYYY-MM-DD, got '" + text + "'");
        }
        try {
            return inWindow(name, text, LocalDate.parse(text));
        } catch (DateTimeException e) {
            throw ApiProblem.badDate(name + " '" + text + "' is not a day of the calendar");
        }
    }

    public static LocalDate requiredDay(String name, String text) {
        LocalDate day = day(name, text);
        if (day == null) {
            throw ApiProblem.badDate(name + " is required, as YYYY-MM-DD");
        }
        return day;
    }

    /**
     * The start of a period written with its precision: YYYY-MM-DD, YYYY-MM (its first day) or YYYY (1 January);
     * {@code end} gives the period's last day instead. Null when absent.
     */
    public static LocalDate boundary(String name, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (YEAR.matcher(text).matches()) {
                Year y = Year.parse(text);
                return inWindow(name, text, end ? y.atMonth(12).atEndOfMonth() : y.atDay(1));
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth m = YearMonth.parse(text);
                return inWindow(name, text, end ? m.atEndOfMonth() : m.atDay(1));
            }
            if (DAY.matcher(text).matches()) {
                return inWindow(name, text, LocalDate.parse(text));
            }
        } catch (DateTimeException e) {
            throw ApiProblem.badDate(name + " '" + text + "' is not a date of the calendar");
        }
        throw ApiProblem.badDate(name + " must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
    }

    /** A month for figures kept by month: YYYY-MM, or YYYY (January for a start, December for an end). */
    public static YearMonth month(String name, String text, boolean end, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!YEAR.matcher(text).matches() && !MONTH.matcher(text).matches()) {
            throw ApiProblem.badDate(name + " must be YYYY-MM or YYYY (these figures are kept by month), got '" + text + "'");
        }
        return YearMonth.from(boundary(name, text, end));
    }

    public static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badDate("the period ends (" + to + ") before it begins (" + from + ")");
        }
    }

    public static void range(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw ApiProblem.badDate("the period ends (" + to + ") before it begins (" + from + ")");
        }
    }

    private static LocalDate inWindow(String name, String text, LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw ApiProblem.badDate(name + " '" + text + "' lies outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        return day;
    }

    /** A currency code the ledger knows (USD, FRF, XRG, ...); null when absent. */
    public static Currency currency(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Currency.of(text.trim().toUpperCase(Locale.ROOT));
        } catch (DomainException e) {
            throw ApiProblem.badCurrency(name + ": unknown currency '" + text + "'; known are " + Currency.known());
        }
    }

    /** month | year | total, default {@code fallback}. */
    public static Period period(String text, Period fallback) {
        return choice("period", text, Period.class, fallback);
    }

    public static <E extends Enum<E>> E choice(String name, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter(name + " must be one of " + names(type) + ", got '" + text + "'");
        }
    }

    /** A section or country code (SU, DE, JAVA); null when absent. */
    public static String sectionCode(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Ids.requireSectionCode(text.trim().toUpperCase(Locale.ROOT));
        } catch (DomainException e) {
            throw ApiProblem.badParameter(name + " '" + text + "' is not a section code (two to twelve capitals, "
                    + "digits or '-', as SU, DE or JAVA)");
        }
    }

    public static String required(String name, String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badParameter(name + " is required");
        }
        return text.trim();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            out.append(out.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return out.toString();
    }
}
