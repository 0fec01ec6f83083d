package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads establishment dates the way the affiliates table writes them ("Aug. 1925", "Sept. 1923", "April 1925",
 * "1926", "\"before 1928\"", "\"after 1928\"", blank) into {@link HistoricalDate}s. It lives here, not in
 * HistoricalDate, because it knows one table's habits, not a general date syntax.
 */
public final class AffiliateDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1),
            Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3),
            Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("june", 6),
            Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("aug", 8), Map.entry("august", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dec", 12), Map.entry("december", 12));

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]+)\\.? (\\d{4})");
    private static final Pattern BOUND = Pattern.compile("(before|after) (\\d{4})");

    private AffiliateDates() {
    }

    /** Parses one table cell; a blank cell is an unknown date. */
    public static HistoricalDate parse(String cell) {
        String t = cell == null ? "" : cell.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.isEmpty()) {
            return HistoricalDate.unknown();
        }
        if (YEAR.matcher(t).matches() || BOUND.matcher(t).matches()) {
            return HistoricalDate.parse(t);
        }
        Matcher m = MONTH_YEAR.matcher(t);
        if (m.matches()) {
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) {
                return HistoricalDate.month(Integer.parseInt(m.group(2)), month);
            }
        }
        throw new DomainException("affiliates-table date '" + cell + "' is not a year, 'Mon. YYYY', 'Month YYYY', "
                + "\"before YYYY\", \"after YYYY\" or blank");
    }
}
