package org.mopr.ledger.api.web;

import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The read endpoints' answers with {@code ensemble=ID}: the bands an ensemble stored, picked and filtered as the
 * endpoint picks its rows (section, kind, country, account, scope, period, currency), as {@link FigureBand} items. A
 * figure key splits on its slashes: {@code income/SU/DUES/XRG/1924-03}, {@code aid/PL/XRG/1924},
 * {@code flow/section:SU/fund:central/XRG}, {@code balance/fund:central/XRG/1928-01}, {@code membership/ALL/1928-01}.
 */
@Component
public class EnsembleReads {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final EnsembleService ensembles;

    public EnsembleReads(EnsembleService ensembles) {
        this.ensembles = ensembles;
    }

    /** The ensemble a request names, or null; a request naming a run as well is refused, naming both. */
    static String named(String run, String ensemble) {
        if (ensemble == null || ensemble.isBlank()) {
            return null;
        }
        if (run != null && !run.isBlank()) {
            throw ApiProblem.badParameter("give run or ensemble, not both: run=" + run.trim() + " asks for one run's "
                    + "figures, ensemble=" + ensemble.trim() + " for the bands across an ensemble's members");
        }
        return ensemble.trim();
    }

    /** Refuses a parameter that has no meaning for bands, naming it. */
    static void notWith(String name, String value) {
        if (value != null && !value.isBlank()) {
            throw ApiProblem.badParameter(name + " does not apply with ensemble: the bands are stored per figure in "
                    + "its native currency; leave " + name + " out");
        }
    }

    /** The ensemble, if it has bands to show: unknown is 404, one still running is 409. */
    EnsembleStore.EnsembleRow require(String id) {
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow(() -> unknown(id));
        if ("RUNNING".equals(row.status())) {
            throw ApiProblem.conflict("ensemble " + id + " is RUNNING (" + row.membersDone() + " of " + row.members()
                    + " members done): its bands are written when it ends; follow it at /api/ensembles/" + id);
        }
        return row;
    }

    static ApiProblem unknown(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-ensemble", "Unknown ensemble", "unknown ensemble '" + id
                + "'; GET /api/ensembles lists them");
    }

    /** Money or sum-of-money families by period: income, aid, flows. {@code parts} filters the key's middle parts. */
    Listing<FigureBand> money(String id, String family, Predicate<String[]> parts, YearMonth from, YearMonth to,
                              Period period, Currency only, PageRequest page) {
        EnsembleStore.EnsembleRow row = require(id);
        List<FigureBand> items = ensembles.store().bands(id, family).stream()
                .filter(b -> b.family().equals(family))
                .map(b -> new Keyed(b, b.figure().split("/")))
                .filter(k -> parts.test(k.parts()) && inPeriod(k.period(), period, from, to)
                        && (only == null || only.code().equals(k.band().currency())))
                .map(EnsembleReads::view).toList();
        Map<String, Object> summary = summary(row);
        summary.put("period", period.name().toLowerCase(java.util.Locale.ROOT));
        if (period != Period.TOTAL) {
            summary.put("from", from.toString());
            summary.put("to", to.toString());
        }
        return Listing.of(null, summary, Page.slice(items, page));
    }

    /** Fund balances at the end of a month ({@code at}'s month), or at the end of the record. */
    Listing<FigureBand> balances(String id, String account, YearMonth at, Currency only, PageRequest page) {
        EnsembleStore.EnsembleRow row = require(id);
        List<FigureBand> items = ensembles.store().bands(id, "balance").stream()
                .map(b -> new Keyed(b, b.figure().split("/")))
                .filter(k -> at == null ? k.period().equals("total") : k.period().equals(at.toString()))
                .filter(k -> account == null || node(k.parts()[1]).startsWith(account.trim()))
                .filter(k -> only == null || only.code().equals(k.band().currency()))
                .map(EnsembleReads::view).toList();
        Map<String, Object> summary = summary(row);
        summary.put("asOf", at == null ? "the end of the record" : "the end of " + at);
        return Listing.of(null, summary, Page.slice(items, page));
    }

    /** Membership by month: the months of from..to, or the last month at or before {@code at}. */
    Listing<FigureBand> membership(String id, String scopeKey, YearMonth from, YearMonth to, YearMonth at,
                                   PageRequest page) {
        EnsembleStore.EnsembleRow row = require(id);
        List<Keyed> months = ensembles.store().bands(id, "membership/" + scopeKey).stream()
                .map(b -> new Keyed(b, b.figure().split("/"))).filter(k -> MONTH.matcher(k.period()).matches()).toList();
        List<FigureBand> items;
        if (at != null) {
            items = months.stream().filter(k -> !YearMonth.parse(k.period()).isAfter(at))
                    .reduce((a, b) -> b).map(k -> List.of(view(k))).orElse(List.of());
        } else {
            items = months.stream().filter(k -> inPeriod(k.period(), Period.MONTH, from, to)).map(EnsembleReads::view)
                    .toList();
        }
        return Listing.of(null, summary(row), Page.slice(items, page));
    }

    private static boolean inPeriod(String period, Period step, YearMonth from, YearMonth to) {
        return switch (step) {
            case TOTAL -> period.equals("total");
            case YEAR -> YEAR.matcher(period).matches() && Integer.parseInt(period) >= from.getYear()
                    && Integer.parseInt(period) <= to.getYear();
            case MONTH -> MONTH.matcher(period).matches() && !YearMonth.parse(period).isBefore(from)
                    && !YearMonth.parse(period).isAfter(to);
        };
    }

    private Map<String, Object> summary(EnsembleStore.EnsembleRow row) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ensemble", row.ensembleId());
        summary.put("status", row.status());
        summary.put("members", row.membersDone());
        summary.put("totalsExact", row.totalsExact());
        return summary;
    }

    /** A band with its key split: family, the figure's own parts, then the currency and the period where it has them. */
    private record Keyed(EnsembleStore.BandRow band, String[] parts) {
        String period() {
            String last = parts[parts.length - 1];
            return MONTH.matcher(last).matches() || YEAR.matcher(last).matches() ? last : "total";
        }
    }

    /** A node of a flow or balance key ("section:SU", "fund:central") as the account prefix it stands for. */
    static String node(String part) {
        return part.replace(':', '/');
    }

    private static FigureBand view(Keyed k) {
        EnsembleStore.BandRow b = k.band();
        String[] p = k.parts();
        String unit = b.currency() == null ? b.unit() : b.currency();
        String section = null;
        String kind = null;
        String country = null;
        String from = null;
        String to = null;
        String account = null;
        String scope = null;
        switch (b.family()) {
            case "income" -> {
                section = p[1];
                kind = p[2];
            }
            case "aid" -> country = p[1];
            case "flow" -> {
                from = node(p[1]);
                to = node(p[2]);
            }
            case "balance" -> account = node(p[1]);
            case "membership" -> scope = scope(p[1]);
            default -> {
            }
        }
        return new FigureBand(b.figure(), b.family(), b.origin(), b.modelled(),
                b.currency() == null ? b.unit() : "money", section, kind, country, from, to, account, scope, k.period(),
                value(b.p5(), unit), value(b.p50(), unit), value(b.p95(), unit), value(b.min(), unit),
                value(b.max(), unit));
    }

    private static String scope(String key) {
        return switch (key) {
            case "ALL" -> "all";
            case "OUTSIDE_USSR" -> "outside-ussr";
            default -> key;
        };
    }

    /** A money band's value as Money (minor units, currency, exponent, decimal); a count as a number. */
    static Object value(long value, String unit) {
        return unit != null && Currency.known().contains(unit) ? new Money(value, Currency.of(unit)) : value;
    }
}
