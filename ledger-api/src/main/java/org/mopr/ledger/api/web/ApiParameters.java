package org.mopr.ledger.api.web;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.reconciliation.Basis;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.projection.section.CarryForward;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The types of the query parameters, for the OpenAPI description. The controllers take every parameter as a string
 * and parse it with {@link Params} (so each mistake gets its own problem type); this table says what those parsers
 * accept, from the same constants and enums, so a generated client has integers, enums and patterns, not strings.
 * A parameter is looked up by path and name first (kind means one thing on /api/income, another on /api/catalog),
 * then by name.
 */
final class ApiParameters {

    /** A date with its precision: a year, a month or a day, the grammar {@link Params#boundary} reads. */
    static final String PRECISE_DATE = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
    static final String DAY = "^\\d{4}-\\d{2}-\\d{2}$";
    static final String MONTH = "^\\d{4}(-\\d{2})?$";
    static final String SECTION = "^[A-Za-z0-9-]{2,12}$";

    /** The type, description and example of one parameter. */
    record Spec(Schema<?> schema, String description, Object example) {

        Parameter apply(Parameter p) {
            return p.schema(schema).description(Optional.ofNullable(p.getDescription()).orElse(description))
                    .example(example);
        }
    }

    static final String ENSEMBLE_EXAMPLE = "historical-s1922-x20";
    private static final Schema<?> FIGURE = new StringSchema().minLength(1).maxLength(200)
            .pattern("^[A-Za-z0-9:_/-]+$");

    private static final Map<String, Spec> BY_NAME = Map.ofEntries(
            Map.entry("run", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "A run id; default: the latest complete run of the historical scenario", "historical-s1922")),
            Map.entry("limit", new Spec(new IntegerSchema().minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))._default(Params.DEFAULT_LIMIT),
                    "Items per page", 100)),
            Map.entry("offset", new Spec(new IntegerSchema().minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(PageRequest.MAX_OFFSET))._default(0),
                    "Items skipped before the page", 0)),
            Map.entry("format", new Spec(choice("json", "csv"),
                    "json (default) or csv; the same as Accept: text/csv", "csv")),
            Map.entry("at", new Spec(pattern(DAY), "A day, YYYY-MM-DD", "1928-01-01")),
            Map.entry("from", new Spec(pattern(PRECISE_DATE),
                    "Start of the period with its precision: YYYY (1 January), YYYY-MM (its first day) or YYYY-MM-DD",
                    "1923-03")),
            Map.entry("to", new Spec(pattern(PRECISE_DATE),
                    "End of the period with its precision: YYYY (31 December), YYYY-MM (its last day) or YYYY-MM-DD",
                    "1923-11")),
            Map.entry("currency", new Spec(currencies(), "Keeps the figures in this currency", "USD")),
            Map.entry("convert", new Spec(currencies(),
                    "Adds each figure converted to this currency at the run's declared rate, beside the native one",
                    "XRG")),
            Map.entry("rateTable", new Spec(new StringSchema().minLength(1).maxLength(100),
                    "The rate table to convert with (needs convert); default: the run's own", "historical")),
            Map.entry("period", new Spec(choice("month", "year", "total"), "Step of the sums", "year")),
            Map.entry("step", new Spec(choice("month", "year"), "Step of the timeline", "year")),
            Map.entry("carry", new Spec(enumOf(CarryForward.Mode.class),
                    "forward repeats the last census after it, marked CARRIED_FORWARD", "forward")),
            Map.entry("scope", new Spec(pattern("^(all|outside-ussr|section:[A-Za-z0-9-]{2,12})$"),
                    "all, outside-ussr (all but the Soviet section) or section:XX", "section:DE")),
            Map.entry("section", new Spec(pattern(SECTION), "A section code (a country's, or JAVA)", "SU")),
            Map.entry("country", new Spec(pattern(SECTION), "A country's section code", "PL")),
            Map.entry("account", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "An account or an account prefix (section/SU/, fund/)", "fund/")),
            Map.entry("scenario", new Spec(new StringSchema().minLength(1).maxLength(100),
                    "A scenario name", "historical")),
            Map.entry("subject", new Spec(new StringSchema().minLength(1).maxLength(100),
                    "organisation, section:XX or city:Name", "section:DE")),
            Map.entry("source", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "A seed file name of the catalog", "mopr-1932-ten-years.yaml")),
            Map.entry("status", new Spec(enumOf(Status.class), "Keeps the lines of this status", "mismatch")),
            Map.entry("basis", new Spec(enumOf(Basis.class), "Keeps the lines of this basis", "independent")),
            Map.entry("check", new Spec(new StringSchema().minLength(1).maxLength(100),
                    "Keeps the lines of this check", "AID_TOTAL")),
            Map.entry("a", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "The first run, or an ensemble (then b names one too)", "historical-s1922")),
            Map.entry("b", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "The second run, or an ensemble (then a names one too)", "half-dues-s1922")),
            Map.entry("ensemble", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "An ensemble id: the bands (p5, p50, p95, min, max) of the figures across its members instead of "
                            + "one run's figures; not together with run", ENSEMBLE_EXAMPLE)));


    private static final Map<String, Spec> BY_PATH = Map.ofEntries(Map.entry(
            "/api/ensembles/compare a", new Spec(new StringSchema().minLength(1).maxLength(200), "The base ensemble",
                    ENSEMBLE_EXAMPLE)), Map.entry(
            "/api/ensembles/compare b", new Spec(new StringSchema().minLength(1).maxLength(200),
                    "The ensemble compared with the base", "ban-italy-1923-s1922-x20")), Map.entry(
            "/api/ensembles/compare figure", new Spec(FIGURE, "Keeps the figures under this prefix", "aid/IT")), Map.entry(
            "/api/compare figure", new Spec(FIGURE, "For two ensembles: keeps the figures under this prefix", "aid/IT")),
            Map.entry(
            "/api/ensembles/{id}/bands figure", new Spec(FIGURE, "A figure, or a prefix of figures: aid/IT, "
                    + "aid/IT/XRG/1924, income/SU/DUES/XRG, flow/section:SU, balance/fund:central/XRG, "
                    + "membership/ALL, sections", "aid/PL/XRG")), Map.entry(
            "/api/income kind", new Spec(enumOf(IncomeKind.class), "Dues or donations", "dues")), Map.entry(
            "/api/catalog kind", new Spec(enumOf(ClaimKind.class), "Keeps the claims of this kind", "money")), Map.entry(
            "/api/timeline/happenings kind", new Spec(enumOf(OrganisationController.HappeningKind.class),
                    "Keeps the happenings of this kind", "conference")), Map.entry(
            "/api/explain kind", new Spec(enumOf(IncomeKind.class), "For figure=income: dues (default) or donations",
                    "dues")), Map.entry(
            "/api/explain at", new Spec(pattern(DAY), "For balance, membership, sections: the day, YYYY-MM-DD",
                    "1928-01-01")), Map.entry(
            "/api/explain month", new Spec(pattern(MONTH), "For figure=income: the month, YYYY-MM", "1923-03")),
            Map.entry("/api/explain currency", new Spec(currencies(),
                    "For income and balance (required) and flow: the currency", "USD")));

    private ApiParameters() {
    }

    static Optional<Spec> of(String path, String name) {
        return Optional.ofNullable(BY_PATH.get(path + " " + name)).or(() -> Optional.ofNullable(BY_NAME.get(name)));
    }

    /** The parameters of /api/explain, which takes them as one map because each figure needs its own. */
    static List<Parameter> explain() {
        List<Parameter> out = new ArrayList<>();
        out.add(query("figure", true, new Spec(choice("income", "balance", "membership", "sections", "flow", "event"),
                "The figure to explain; each takes the parameters its description names", "income")));
        for (String name : List.of("run", "section", "kind", "month", "currency", "account", "at", "scope", "from",
                "to", "limit", "offset", "format")) {
            out.add(query(name, false, of("/api/explain", name).orElseThrow()));
        }
        out.add(query("source", false, new Spec(new StringSchema().minLength(1).maxLength(200),
                "For figure=flow: the paying account", "section/SU/dues")));
        out.add(query("target", false, new Spec(new StringSchema().minLength(1).maxLength(200),
                "For figure=flow: the receiving account", "fund/aid")));
        out.add(query("index", false, new Spec(new IntegerSchema().format("int64").minimum(BigDecimal.ONE),
                "For figure=event: the event's global index", 1)));
        return out;
    }

    static Parameter query(String name, boolean required, Spec spec) {
        return spec.apply(new Parameter().in("query").name(name).required(required));
    }

    private static Schema<?> pattern(String regex) {
        return new StringSchema().pattern(regex);
    }

    private static Schema<?> choice(String... values) {
        return new StringSchema()._enum(List.of(values));
    }

    private static Schema<?> currencies() {
        return new StringSchema()._enum(new ArrayList<>(Currency.known()));
    }

    private static <E extends Enum<E>> Schema<?> enumOf(Class<E> type) {
        List<String> values = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            values.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return new StringSchema()._enum(values);
    }
}
