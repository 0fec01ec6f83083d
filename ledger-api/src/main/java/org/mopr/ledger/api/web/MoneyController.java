package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.rates.ConvertTo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Money: dues and donations by section, aid by country, flows between accounts, balances and the trial balance.
 * Amounts are summed per currency and never across; {@code convert} adds each figure converted at the run's declared
 * rate for the first day of its period, beside the native amount, never instead of it. With {@code ensemble=ID}
 * income, aid, flows and balances answer the ensemble's bands of the same figures instead ({@link EnsembleReads}).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "money", description = "Dues, donations, aid, flows of funds, balances")
public class MoneyController {

    /**
     * Without from/to, the ledger's own period from MOPR's first whole month (it was founded on 30 November 1922):
     * a conversion is made at the rate of a period's first day, and no rate is declared before the founding.
     */
    static final YearMonth FIRST = YearMonth.of(1922, 12);
    static final YearMonth LAST = YearMonth.of(1932, 12);

    private final RunViews runs;
    private final ProjectionQueries queries;
    private final AccountLabels labels;
    private final EnsembleReads ensembles;

    public MoneyController(RunViews runs, ProjectionQueries queries, AccountLabels labels, EnsembleReads ensembles) {
        this.runs = runs;
        this.queries = queries;
        this.labels = labels;
        this.ensembles = ensembles;
    }

    /** The period, step, currency filter and conversion every money listing takes, parsed and checked once. */
    private record Window(YearMonth from, YearMonth to, Period period, Currency only, ConvertTo conversion) {

        /** The figures in the one currency asked for, or all of them (null). */
        <T> Predicate<T> keeps(Function<T, Currency> currencyOf) {
            return only == null ? null : figure -> currencyOf.apply(figure).equals(only);
        }

        MoneyRows.PeriodView periodOf(LocalDate start) {
            return MoneyRows.PeriodView.of(period, start, from, to);
        }
    }

    /** The window of an ensemble's bands: no conversion (bands are kept in each figure's own currency). */
    private static Window ensembleWindow(String from, String to, String period, String currency, String convert,
                                         String rateTable) {
        EnsembleReads.notWith("convert", convert);
        EnsembleReads.notWith("rateTable", rateTable);
        YearMonth f = Params.month("from", from, false, FIRST);
        YearMonth t = Params.month("to", to, true, LAST);
        Params.range(f, t);
        return new Window(f, t, Params.period(period, Period.MONTH), Params.currency("currency", currency), null);
    }

    /** Whether a flow's node ("section:SU") is an account under the prefix asked for ("section/", "section/SU"). */
    private static boolean accountUnder(String node, String prefix) {
        return (EnsembleReads.node(node) + "/").startsWith(prefix) || EnsembleReads.node(node).equals(prefix);
    }

    private Window window(String from, String to, String period, String currency, String convert, String rateTable) {
        YearMonth f = Params.month("from", from, false, FIRST);
        YearMonth t = Params.month("to", to, true, LAST);
        Params.range(f, t);
        return new Window(f, t, Params.period(period, Period.MONTH), Params.currency("currency", currency),
                conversion(convert, rateTable));
    }

    @GetMapping("/income")
    @Operation(summary = "Dues and donations by section, period (month, year, total) and currency; with ensemble, "
            + "their bands across the ensemble's members")
    @ApiResponse(responseCode = "200", description = "The run's rows, or with ensemble the bands",
            content = @Content(schema = @Schema(oneOf = {ListingSchemas.Income.class, FigureBand.Page.class})))
    public Listing<?> income(@RequestParam(required = false) String run,
                             @RequestParam(required = false) String ensemble,
                                               @RequestParam(required = false) String kind,
                                               @RequestParam(required = false) String section,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String period,
                                               @RequestParam(required = false) String currency,
                                               @RequestParam(required = false) String convert,
                                               @RequestParam(required = false) String rateTable,
                                               @RequestParam(required = false) String limit,
                                               @RequestParam(required = false) String offset) {
        String bandsOf = EnsembleReads.named(run, ensemble);
        PageRequest page = Params.page(limit, offset);
        IncomeKind k = Params.choice("kind", kind, IncomeKind.class, null);
        if (bandsOf != null) {
            String code = Params.sectionCode("section", section);
            Window w = ensembleWindow(from, to, period, currency, convert, rateTable);
            return ensembles.money(bandsOf, "income", p -> (code == null || p[1].equals(code))
                    && (k == null || p[2].equals(k.name())), w.from(), w.to(),
                    w.period(), w.only(), page);
        }
        String runId = runs.resolveId(run);
        String code = existingSection(runId, Params.sectionCode("section", section));
        Window w = window(from, to, period, currency, convert, rateTable);
        return Listing.of(runId, Filtered.page(
                chunk -> queries.income().income(runId, k, code, w.from(), w.to(), w.period(), w.conversion(), chunk),
                w.keeps(figure -> figure.amount().amount().currency()), page)
                .map(i -> new MoneyRows.IncomeRow(i.section(), labels.country(i.section()), i.kind().name(),
                        w.periodOf(i.periodStart()), i.amount().amount(),
                        MoneyRows.ConvertedView.of(i.amount().converted()), i.entries())));
    }

    @GetMapping("/aid")
    @Operation(summary = "Aid sent, by paying account (prefix: section/SU/, fund/), country, purpose, period and currency; "
            + "with ensemble, the bands of aid by country, period and currency across the ensemble's members")
    @ApiResponse(responseCode = "200", description = "The run's rows, or with ensemble the bands",
            content = @Content(schema = @Schema(oneOf = {ListingSchemas.Aid.class, FigureBand.Page.class})))
    public Listing<?> aid(@RequestParam(required = false) String run,
                          @RequestParam(required = false) String ensemble,
                                         @RequestParam(required = false) String country,
                                         @RequestParam(required = false) String account,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String period,
                                         @RequestParam(required = false) String currency,
                                         @RequestParam(required = false) String convert,
                                         @RequestParam(required = false) String rateTable,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String offset) {
        String bandsOf = EnsembleReads.named(run, ensemble);
        PageRequest page = Params.page(limit, offset);
        String c = Params.sectionCode("country", country);
        if (bandsOf != null) {
            EnsembleReads.notWith("account", account);
            Window w = ensembleWindow(from, to, period, currency, convert, rateTable);
            return ensembles.money(bandsOf, "aid", p -> c == null || p[1].equals(c), w.from(), w.to(), w.period(),
                    w.only(), page);
        }
        String runId = runs.resolveId(run);
        Window w = window(from, to, period, currency, convert, rateTable);
        return Listing.of(runId, Filtered.page(
                chunk -> queries.income().aid(runId, account, c, w.from(), w.to(), w.period(), w.conversion(), chunk),
                w.keeps(figure -> figure.amount().amount().currency()), page)
                .map(a -> new MoneyRows.AidRow(a.fromAccount(), labels.label(a.fromAccount()), a.country(),
                        labels.country(a.country()), a.purpose().name(), w.periodOf(a.periodStart()),
                        a.amount().amount(), MoneyRows.ConvertedView.of(a.amount().converted()), a.entries(),
                        a.overdrafts())));
    }

    @GetMapping("/flows")
    @Operation(summary = "Flows of funds between accounts by period and currency; account keeps flows from or to "
            + "accounts with that prefix; with ensemble, the bands of the flows section -> fund -> aid across the "
            + "ensemble's members (accounts as a whole: section/SU, fund/central, aid/PL)")
    @ApiResponse(responseCode = "200", description = "The run's rows, or with ensemble the bands",
            content = @Content(schema = @Schema(oneOf = {ListingSchemas.Flows.class, FigureBand.Page.class})))
    public Listing<?> flows(@RequestParam(required = false) String run,
                            @RequestParam(required = false) String ensemble,
                                            @RequestParam(required = false) String account,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String period,
                                            @RequestParam(required = false) String currency,
                                            @RequestParam(required = false) String convert,
                                            @RequestParam(required = false) String rateTable,
                                            @RequestParam(required = false) String limit,
                                            @RequestParam(required = false) String offset) {
        String bandsOf = EnsembleReads.named(run, ensemble);
        PageRequest page = Params.page(limit, offset);
        if (bandsOf != null) {
            Window w = ensembleWindow(from, to, period, currency, convert, rateTable);
            String prefix = account == null || account.isBlank() ? null : account.trim();
            return ensembles.money(bandsOf, "flow", p -> prefix == null || accountUnder(p[1], prefix)
                    || accountUnder(p[2], prefix), w.from(), w.to(), w.period(), w.only(), page);
        }
        String runId = runs.resolveId(run);
        Window w = window(from, to, period, currency, convert, rateTable);
        return Listing.of(runId, Filtered.page(
                chunk -> queries.ledger().flows(runId, w.from(), w.to(), account, w.period(), w.conversion(), chunk),
                w.keeps(figure -> figure.amount().amount().currency()), page)
                .map(x -> new MoneyRows.FlowRow(x.fromAccount(), labels.label(x.fromAccount()), x.toAccount(),
                        labels.label(x.toAccount()), w.periodOf(x.periodStart()),
                        x.amount().amount(), MoneyRows.ConvertedView.of(x.amount().converted()), x.movements())));
    }

    @GetMapping("/balances")
    @Operation(summary = "Account balances (debits positive) now or as of a day; account filters by prefix; with "
            + "ensemble, the bands of the fund balances at the end of at's month (or of the record) across its members")
    @ApiResponse(responseCode = "200", description = "The run's rows, or with ensemble the bands",
            content = @Content(schema = @Schema(oneOf = {ListingSchemas.Balances.class, FigureBand.Page.class})))
    public Listing<?> balances(@RequestParam(required = false) String run,
                               @RequestParam(required = false) String ensemble,
                                                  @RequestParam(required = false) String account,
                                                  @RequestParam(required = false) String at,
                                                  @RequestParam(required = false) String currency,
                                                  @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String offset) {
        String bandsOf = EnsembleReads.named(run, ensemble);
        PageRequest page = Params.page(limit, offset);
        LocalDate day = Params.day("at", at);
        Currency only = Params.currency("currency", currency);
        if (bandsOf != null) {
            return ensembles.balances(bandsOf, account, day == null ? null : YearMonth.from(day), only, page);
        }
        String runId = runs.resolveId(run);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("asOf", day == null ? "after every projected event" : day.toString());
        return Listing.of(runId, summary, Filtered.page(
                chunk -> queries.ledger().balances(runId, account, day, chunk),
                only == null ? null : b -> b.balance().currency().equals(only), page)
                .map(b -> new MoneyRows.BalanceRow(b.account(), labels.label(b.account()), b.balance(), b.postings())));
    }

    @GetMapping("/trial-balance")
    @Operation(summary = "The trial balance: postings per currency sum to zero; money in transit between accounts")
    public TrialBalanceView trialBalance(@RequestParam(required = false) String run) {
        String runId = runs.resolveId(run);
        TrialBalance trial = queries.trialBalance();
        var imbalances = trial.imbalances(runId);
        return new TrialBalanceView(runId, imbalances.isEmpty(), imbalances.stream()
                .map(i -> new Imbalance(i.amount().currency().code(), i.amount())).toList(),
                trial.inTransit(runId).stream().map(b -> new MoneyRows.BalanceRow(b.account(),
                        labels.label(b.account()), b.balance(), b.postings())).toList());
    }

    /** Whether every currency's postings sum to zero, the sums that do not, and the money between accounts. */
    public record TrialBalanceView(String run, boolean balanced, List<Imbalance> imbalances,
                                   List<MoneyRows.BalanceRow> inTransit) {
    }

    /** The non-zero sum of one currency's postings. */
    public record Imbalance(String currency, Money sum) {
    }

    private String existingSection(String runId, String code) {
        if (code != null && queries.sections().section(runId, code).isEmpty()) {
            throw ApiProblem.unknownSection("run " + runId + " has no section " + code + "; GET /api/sections lists them");
        }
        return code;
    }

    static ConvertTo conversion(String convert, String rateTable) {
        Currency target = Params.currency("convert", convert);
        if (target == null) {
            if (rateTable != null && !rateTable.isBlank()) {
                throw ApiProblem.badParameter("rateTable needs convert=<currency> as well");
            }
            return null;
        }
        return new ConvertTo(rateTable == null || rateTable.isBlank() ? null : rateTable.trim(), target);
    }
}
