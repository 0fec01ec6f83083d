package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.explain.ExplainedEvent;
import org.mopr.ledger.projection.explain.Explanation;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.organisation.OrganisationMembership;
import org.mopr.ledger.projection.explain.FlowExplanations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/explain}: the events and documented claims behind a figure. The figure is named by {@code figure} and
 * the parameters that pick it out:
 * income (section, kind, month, currency), balance (account, currency, at), membership (scope, at), sections (at),
 * flow (source, target, from, to, currency optional), event (index).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "explain", description = "Which events and which claims produced a figure")
public class ExplainController {

    enum Figure { INCOME, BALANCE, MEMBERSHIP, SECTIONS, FLOW, EVENT }

    private final RunViews runs;
    private final ProjectionQueries queries;
    private final FlowExplanations extras;
    private final OrganisationMembership org;
    private final Catalog catalog;

    public ExplainController(RunViews runs, ProjectionQueries queries, Catalog catalog) {
        this.runs = runs;
        this.queries = queries;
        this.extras = queries.flows();
        this.org = queries.organisationMembership();
        this.catalog = catalog;
    }

    @GetMapping("/explain")
    @Operation(summary = "Explain a figure: figure=income|balance|membership|sections|flow|event with its parameters; "
            + "answers the parts by provenance, a page of events and the claims with their passages")
    public ExplainView explain(@RequestParam Map<String, String> params) {
        String runId = runs.resolveId(params.get("run"));
        PageRequest page = Params.page(params.get("limit"), params.get("offset"));
        Figure figure = Params.choice("figure", Params.required("figure", params.get("figure")), Figure.class, null);
        Explanation explanation = switch (figure) {
            case INCOME -> {
                String section = existingSection(runId, Params.sectionCode("section", Params.required("section",
                        params.get("section"))));
                IncomeKind kind = Params.choice("kind", params.get("kind"), IncomeKind.class, IncomeKind.DUES);
                YearMonth month = Params.month("month", Params.required("month", params.get("month")), false, null);
                yield queries.explain().income(runId, section, kind, month, currency(params), page);
            }
            case BALANCE -> queries.explain().balance(runId, Params.required("account", params.get("account")),
                    currency(params), Params.requiredDay("at", params.get("at")), page);
            case MEMBERSHIP -> membership(runId, params);
            case SECTIONS -> extras.sections(runId, Params.requiredDay("at", params.get("at")), page);
            case FLOW -> {
                LocalDate from = Params.boundary("from", Params.required("from", params.get("from")), false);
                LocalDate to = Params.boundary("to", Params.required("to", params.get("to")), true);
                Params.range(from, to);
                yield extras.flow(runId, Params.required("source", params.get("source")),
                        Params.required("target", params.get("target")), from, to,
                        Params.currency("currency", params.get("currency")), page);
            }
            case EVENT -> event(runId, index(params.get("index")), "event #" + params.get("index"));
        };
        return ExplainView.of(runId, figure.name().toLowerCase(Locale.ROOT), explanation, catalog);
    }

    private Explanation membership(String runId, Map<String, String> params) {
        MembershipScopeParam scope = MembershipScopeParam.parse(params.get("scope"));
        LocalDate at = Params.requiredDay("at", params.get("at"));
        if (scope.section() != null) {
            existingSection(runId, scope.section());
            return queries.explain().membership(runId, scope.section(), at).orElseThrow(() -> ApiProblem.noFigure(
                    "section " + scope.section() + " of run " + runId + " has no membership figure on or before " + at));
        }
        OrganisationMembership.OrgPoint point = org.at(runId, scope.organisation(), at);
        if (point.members() == null) {
            throw ApiProblem.noFigure("run " + runId + " has no membership figure for " + scope.text()
                    + " on or before " + at);
        }
        String what = (scope.organisation() == MembershipScope.ALL ? "membership of MOPR" : "membership outside the USSR")
                + " on " + at + ": " + point.members() + " (figure of " + point.membersAsOf() + ")";
        return event(runId, point.membersIndex(), what);
    }

    private Explanation event(String runId, long index, String what) {
        ExplainedEvent event = queries.explain().event(runId, index).orElseThrow(() -> ApiProblem.noFigure(
                "run " + runId + " has no projected event #" + index));
        List<Explanation.Contribution> parts = event.provenance() == null ? List.of()
                : List.of(new Explanation.Contribution(event.provenance(), 1, null));
        return new Explanation(what, parts, true, new Page<>(List.of(event), 1, 0, false));
    }

    private static long index(String text) {
        try {
            return Long.parseLong(Params.required("index", text));
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("index must be an event's global index (a whole number), got '" + text + "'");
        }
    }

    private static Currency currency(Map<String, String> params) {
        Currency c = Params.currency("currency", params.get("currency"));
        if (c == null) {
            throw ApiProblem.badCurrency("currency is required for this figure (USD, FRF, XRG, ...)");
        }
        return c;
    }

    private String existingSection(String runId, String code) {
        if (queries.sections().section(runId, code).isEmpty()) {
            throw ApiProblem.unknownSection("run " + runId + " has no section " + code);
        }
        return code;
    }
}
