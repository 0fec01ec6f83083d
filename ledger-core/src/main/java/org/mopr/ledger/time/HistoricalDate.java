package org.mopr.ledger.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a source gives it, with its precision. {@code earliest} and {@code latest} bound the days it can
 * mean (both inclusive); an open bound leaves one side null. The canonical text form is what scenarios and
 * the catalog write: {@code 1924-07-14}, {@code 1925-02}, {@code 1925}, {@code 1923-03/1923-11},
 * {@code before 1933}, {@code after 1928}, {@code unknown}.
 */
public record HistoricalDate(Precision precision, LocalDate earliest, LocalDate latest) implements Comparable<HistoricalDate> {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern BOUND = Pattern.compile("(before|after) (.+)");

    public HistoricalDate {
        if (precision == null) {
            throw new DomainException("historical date without precision");
        }
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            throw new DomainException("historical date ends (" + latest + ") before it begins (" + earliest + ")");
        }
        // Only these shapes print back to text that parses to the same days (the JSON form of every event).
        boolean fits = switch (precision) {
            case DAY -> earliest != null && earliest.equals(latest);
            case MONTH -> earliest != null && earliest.getDayOfMonth() == 1
                    && YearMonth.from(earliest).atEndOfMonth().equals(latest);
            case YEAR -> earliest != null && earliest.getDayOfYear() == 1
                    && LocalDate.of(earliest.getYear(), 12, 31).equals(latest);
            case INTERVAL -> earliest != null && latest != null;
            case BEFORE -> earliest == null && latest != null;
            case AFTER -> earliest != null && latest == null;
            case UNKNOWN -> earliest == null && latest == null;
        };
        if (!fits) {
            throw new DomainException("a " + precision + " date cannot run from " + earliest + " to " + latest);
        }
    }

    public static HistoricalDate day(LocalDate day) {
        return new HistoricalDate(Precision.DAY, day, day);
    }

    public static HistoricalDate day(int year, int month, int day) {
        return day(LocalDate.of(year, month, day));
    }

    public static HistoricalDate month(int year, int month) {
        YearMonth ym = YearMonth.of(year, month);
        return new HistoricalDate(Precision.MONTH, ym.atDay(1), ym.atEndOfMonth());
    }

    public static HistoricalDate year(int year) {
        return new HistoricalDate(Precision.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static HistoricalDate interval(HistoricalDate from, HistoricalDate to) {
        return new HistoricalDate(Precision.INTERVAL, from.earliest(), to.latest());
    }

    /** "before X": strictly before the first day X can mean. */
    public static HistoricalDate before(HistoricalDate bound) {
        if (bound.earliest() == null) {
            throw new DomainException("cannot be before '" + bound + "': it has no first day");
        }
        return new HistoricalDate(Precision.BEFORE, null, bound.earliest().minusDays(1));
    }

    /** "after X": strictly after the last day X can mean. */
    public static HistoricalDate after(HistoricalDate bound) {
        if (bound.latest() == null) {
            throw new DomainException("cannot be after '" + bound + "': it has no last day");
        }
        return new HistoricalDate(Precision.AFTER, bound.latest().plusDays(1), null);
    }

    public static HistoricalDate unknown() {
        return new HistoricalDate(Precision.UNKNOWN, null, null);
    }

    /** Parses the canonical text form; anything else is an error that quotes the text. */
    @JsonCreator
    public static HistoricalDate parse(String text) {
        if (text == null) {
            throw new DomainException("missing date");
        }
        String t = text.trim();
        try {
            if (t.equals("unknown")) {
                return unknown();
            }
            Matcher bound = BOUND.matcher(t);
            if (bound.matches()) {
                HistoricalDate inner = parse(bound.group(2));
                return quoting(text, () -> bound.group(1).equals("before") ? before(inner) : after(inner));
            }
            int slash = t.indexOf('/');
            if (slash > 0) {
                HistoricalDate from = parse(t.substring(0, slash));
                HistoricalDate to = parse(t.substring(slash + 1));
                return quoting(text, () -> interval(from, to));
            }
            Matcher m;
            if ((m = DAY.matcher(t)).matches()) {
                return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(t)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new DomainException("date '" + text + "' does not exist: " + e.getMessage());
        }
        throw new DomainException("date '" + text + "' is not one of YYYY-MM-DD, YYYY-MM, YYYY, A/B, "
                + "'before X', 'after X', 'unknown'");
    }

    private static HistoricalDate quoting(String text, java.util.function.Supplier<HistoricalDate> build) {
        try {
            return build.get();
        } catch (DomainException e) {
            throw new DomainException("date '" + text + "': " + e.getMessage());
        }
    }

    /** True when the date can only mean one day. */
    public boolean isExact() {
        return precision == Precision.DAY;
    }

    /** True when this date's every possible day lies on or before the given day. */
    public boolean certainlyOnOrBefore(LocalDate day) {
        return latest != null && !latest.isAfter(day);
    }

    /** True when some day this date can mean lies within [from, to]. */
    public boolean mayFallWithin(LocalDate from, LocalDate to) {
        boolean startsInTime = earliest == null || !earliest.isAfter(to);
        boolean endsInTime = latest == null || !latest.isBefore(from);
        return startsInTime && endsInTime;
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case DAY -> earliest.toString();
            case MONTH -> YearMonth.from(earliest).toString();
            case YEAR -> String.valueOf(earliest.getYear());
            case INTERVAL -> coarsest(earliest) + "/" + coarsest(latest, true);
            case BEFORE -> "before " + coarsest(latest.plusDays(1));
            case AFTER -> "after " + coarsest(earliest.minusDays(1), true);
            case UNKNOWN -> "unknown";
        };
    }

    /** "before 1933" is stored as latest 1932-12-31; print it back as the year it was written with. */
    private static String coarsest(LocalDate firstDayAfter) {
        if (firstDayAfter.getDayOfYear() == 1) {
            return String.valueOf(firstDayAfter.getYear());
        }
        if (firstDayAfter.getDayOfMonth() == 1) {
            return YearMonth.from(firstDayAfter).toString();
        }
        return firstDayAfter.toString();
    }

    private static String coarsest(LocalDate lastDayBefore, boolean upper) {
        if (lastDayBefore.getMonthValue() == 12 && lastDayBefore.getDayOfMonth() == 31) {
            return String.valueOf(lastDayBefore.getYear());
        }
        if (lastDayBefore.equals(YearMonth.from(lastDayBefore).atEndOfMonth())) {
            return YearMonth.from(lastDayBefore).toString();
        }
        return lastDayBefore.toString();
    }

    /** Orders by earliest possible day, unknown and open starts first; used for stable listings only. */
    @Override
    public int compareTo(HistoricalDate o) {
        LocalDate a = earliest != null ? earliest : LocalDate.MIN;
        LocalDate b = o.earliest != null ? o.earliest : LocalDate.MIN;
        int c = a.compareTo(b);
        return c != 0 ? c : precision.compareTo(o.precision);
    }
}
