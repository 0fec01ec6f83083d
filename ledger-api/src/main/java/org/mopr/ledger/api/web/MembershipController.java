package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.organisation.OrganisationMembership;
import org.mopr.ledger.projection.section.CarryForward;
import org.mopr.ledger.projection.section.MembershipKind;
import org.mopr.ledger.projection.section.MembershipPoint;
import org.mopr.ledger.projection.section.Scope;
import org.mopr.ledger.projection.section.ScopeMembership;
import org.mopr.ledger.projection.section.SectionQueries;
import org.mopr.ledger.projection.section.SectionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Membership at a day or over a period, and the sections in existence at a day. A figure says whether a source states
 * it (CENSUS) or a model interpolated it between censuses (INTERPOLATED), and which event carries it (for explain).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "membership", description = "Members and sections over time")
public class MembershipController {

    /** Membership as of a day; members is null when no point exists yet (the sources begin in 1928). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MembershipFigure(String run, String scope, LocalDate at, Long members, String kind, String origin,
                                   LocalDate asOf, Long globalIndex, LocalDate carriedFrom, LocalDate lastCensus,
                                   Integer statedSections, LocalDate sectionsAsOf, ScopeMembership sumOfSections) {
    }

    /** One point of a series: a census or an interpolated figure, with the event that stated it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MembershipRow(LocalDate date, String scope, Long members, Integer sections, String kind, String origin,
                                long globalIndex) {
    }

    /** A section with the country it is in and its founding date as written, with precision and bounds. */
    public record SectionRow(String code, String country, String name, ClaimView.DateView founded, LocalDate placedOn,
                             String placement, List<String> currencies, LocalDate dissolvedOn,
                             String dissolutionReason, long foundedIndex, Boolean certainOn) {
    }

    /**
     * The series answer, for the OpenAPI description only: the controller answers a {@link Listing} of these rows,
     * whose generic type the description cannot name beside the single figure.
     */
    @Schema(name = "MembershipSeries", description = "Membership points over a period (from/to), one page")
    record MembershipSeries(String run, Map<String, Object> summary, List<MembershipRow> items, int limit, int offset,
                            boolean hasMore) {
    }

    private final RunViews runs;
    private final ProjectionQueries queries;
    private final OrganisationMembership org;
    private final AccountLabels labels;
    private final CarryForward carry;
    private final EnsembleReads ensembles;

    public MembershipController(RunViews runs, ProjectionQueries queries, AccountLabels labels, EnsembleReads ensembles) {
        this.ensembles = ensembles;
        this.carry = queries.carryForward();
        this.runs = runs;
        this.queries = queries;
        this.org = queries.organisationMembership();
        this.labels = labels;
    }

    @GetMapping("/membership")
    @Operation(summary = "Membership at a day (at=YYYY-MM-DD) or its points over a period (from, to: YYYY[-MM[-DD]]); "
            + "scope all | outside-ussr | section:XX. After the last census there is no figure unless carry=forward, "
            + "which repeats the last census marked CARRIED_FORWARD. With ensemble, the bands of membership by month "
            + "across the ensemble's members: the months of from..to, or at's month or the last before it")
    @ApiResponse(responseCode = "200", description = "The figure at a day (at), the points of a period (from, to), "
            + "or with ensemble the bands",
            content = @Content(schema = @Schema(oneOf = {MembershipFigure.class, MembershipSeries.class,
                    FigureBand.Page.class})))
    public Object membership(@RequestParam(required = false) String run,
                             @RequestParam(required = false) String ensemble,
                             @RequestParam(required = false) String scope,
                             @RequestParam(required = false) String at,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(required = false) String carry,
                             @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String offset) {
        String bandsOf = EnsembleReads.named(run, ensemble);
        MembershipScopeParam s = MembershipScopeParam.parse(scope);
        PageRequest page = Params.page(limit, offset);
        CarryForward.Mode mode = Params.choice("carry", carry, CarryForward.Mode.class, CarryForward.Mode.NONE);
        if (bandsOf != null) {
            return ensembleBands(bandsOf, s, at, from, to, mode, page);
        }
        String runId = runs.resolveId(run);
        if (s.section() != null && queries.sections().section(runId, s.section()).isEmpty()) {
            throw ApiProblem.unknownSection("run " + runId + " has no section " + s.section());
        }
        LocalDate day = Params.day("at", at);
        if (day != null) {
            if (from != null || to != null) {
                throw ApiProblem.badParameter("give either at (one day) or from/to (a period), not both");
            }
            return s.section() != null ? sectionAt(runId, s, day, mode) : orgAt(runId, s, day, mode);
        }
        LocalDate f = Optional.ofNullable(Params.boundary("from", from, false)).orElse(LocalDate.of(1922, 1, 1));
        LocalDate t = Optional.ofNullable(Params.boundary("to", to, true)).orElse(LocalDate.of(1932, 12, 31));
        Params.range(f, t);
        Page<MembershipRow> rows = s.section() != null
                ? queries.membership().points(runId, s.section(), f, t, page).map(p -> row(s, p))
                : queries.organisation().censuses(runId, s.organisation(), f, t, page).map(c -> new MembershipRow(
                c.asOf(), s.text(), c.members(), c.sections(), MembershipKind.of(c.origin()).name(), c.origin(),
                c.globalIndex()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scope", s.text());
        summary.put("from", f);
        summary.put("to", t);
        return Listing.of(runId, summary, rows);
    }

    private Listing<FigureBand> ensembleBands(String id, MembershipScopeParam s, String at, String from, String to,
                                              CarryForward.Mode mode, PageRequest page) {
        if (mode != CarryForward.Mode.NONE) {
            throw ApiProblem.badParameter("carry does not apply with ensemble: a band is of the members' own points");
        }
        LocalDate day = Params.day("at", at);
        if (day != null && (from != null || to != null)) {
            throw ApiProblem.badParameter("give either at (one day) or from/to (a period), not both");
        }
        LocalDate f = Optional.ofNullable(Params.boundary("from", from, false)).orElse(LocalDate.of(1922, 1, 1));
        LocalDate t = Optional.ofNullable(Params.boundary("to", to, true)).orElse(LocalDate.of(1932, 12, 31));
        Params.range(f, t);
        String key = s.section() != null ? "section:" + s.section() : s.organisation().name();
        return ensembles.membership(id, key, YearMonth.from(f), YearMonth.from(t),
                day == null ? null : YearMonth.from(day), page);
    }

    private MembershipFigure orgAt(String runId, MembershipScopeParam s, LocalDate day, CarryForward.Mode mode) {
        OrganisationMembership.OrgPoint p = org.at(runId, s.organisation(), day);
        ScopeMembership sum = queries.membership().at(runId, Scope.of(s.organisation()), day);
        Optional<LocalDate> last = carry.lastCensus(runId, s.organisation());
        CarryForward.Shown shown = CarryForward.show(day, p.members(),
                p.origin() == null ? null : MembershipKind.of(p.origin()).name(), p.origin(), p.membersAsOf(),
                p.membersIndex(), last, mode);
        return new MembershipFigure(runId, s.text(), day, shown.members(), shown.kind(), shown.origin(), shown.asOf(),
                shown.globalIndex(), shown.carriedFrom(), last.orElse(null), p.statedSections(), p.sectionsAsOf(), sum);
    }

    private MembershipFigure sectionAt(String runId, MembershipScopeParam s, LocalDate day, CarryForward.Mode mode) {
        Optional<MembershipPoint> point = queries.membership().sectionAt(runId, s.section(), day);
        ScopeMembership sum = queries.membership().at(runId, Scope.section(s.section()), day);
        Optional<LocalDate> last = carry.lastSectionCensus(runId, s.section());
        CarryForward.Shown shown = CarryForward.show(day, point.map(MembershipPoint::members).orElse(null),
                point.map(p -> p.kind().name()).orElse(null), point.map(MembershipPoint::origin).orElse(null),
                point.map(MembershipPoint::asOf).orElse(null), point.map(MembershipPoint::globalIndex).orElse(null),
                last, mode);
        return new MembershipFigure(runId, s.text(), day, shown.members(), shown.kind(), shown.origin(), shown.asOf(),
                shown.globalIndex(), shown.carriedFrom(), last.orElse(null), null, null, sum);
    }

    private static MembershipRow row(MembershipScopeParam s, MembershipPoint p) {
        return new MembershipRow(p.asOf(), s.text(), p.members(), null, p.kind().name(), p.origin(), p.globalIndex());
    }

    @GetMapping("/sections")
    @Operation(summary = "Sections in existence at a day (at=YYYY-MM-DD), or every section of the run")
    public Listing<SectionRow> sections(@RequestParam(required = false) String run,
                                        @RequestParam(required = false) String at,
                                        @RequestParam(required = false) String limit,
                                        @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        PageRequest page = Params.page(limit, offset);
        LocalDate day = Params.day("at", at);
        Map<String, Object> summary = new LinkedHashMap<>();
        Page<SectionView> views;
        if (day == null) {
            views = queries.sections().all(runId, page);
        } else {
            SectionQueries.SectionCount count = queries.sections().countAt(runId, day);
            summary.put("at", day);
            summary.put("sections", count.sections());
            summary.put("certain", count.certain());
            views = queries.sections().existingAt(runId, day, page);
        }
        return Listing.of(runId, summary, views.map(v -> new SectionRow(v.code(), labels.country(v.code()), v.name(),
                new ClaimView.DateView(v.foundedAsWritten(), v.foundedPrecision(), v.foundedEarliest(), v.foundedLatest()),
                v.placedOn(), v.placement(), v.currencies(), v.dissolvedOn(), v.dissolutionReason(), v.foundedIndex(),
                v.certainOn())));
    }
}
