package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.organisation.OrganisationViews;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.organisation.OrganisationMembership;
import org.mopr.ledger.projection.section.CarryForward;
import org.mopr.ledger.projection.timeline.TimelineQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Patronage links, conferences, and the timeline the page plays through. */
@RestController
@RequestMapping("/api")
@Tag(name = "organisation", description = "Patronage, conferences, timeline")
public class OrganisationController {

    /** One step of the timeline: members (organisation-wide) and sections in existence on that day. */
    public record TimelinePoint(LocalDate date, Long members, String membersKind, LocalDate membersAsOf,
                                Long membersIndex, int sections, int sectionsCertain, Integer statedSections,
                                LocalDate statedSectionsAsOf, Long statedSectionsIndex) {
    }

    public record PatronageRow(String city, String cityName, String prisonCountry, String countryName,
                               ClaimView.DateView period, LocalDate placedOn, LocalDate endedOn, long establishedIndex,
                               Long endedIndex) {
    }

    private final RunViews runs;
    private final ProjectionQueries queries;
    private final OrganisationMembership org;
    private final TimelineQueries timeline;
    private final AccountLabels labels;
    private final CarryForward carry;

    public OrganisationController(RunViews runs, ProjectionQueries queries, AccountLabels labels) {
        this.carry = queries.carryForward();
        this.runs = runs;
        this.queries = queries;
        this.org = queries.organisationMembership();
        this.timeline = queries.timeline();
        this.labels = labels;
    }

    @GetMapping("/patronage")
    @Operation(summary = "Patronage of Soviet cities' collectives over prisoners in foreign prisons; at=YYYY-MM-DD keeps "
            + "the links active that day, country those of one country's prisons")
    public Listing<PatronageRow> patronage(@RequestParam(required = false) String run,
                                           @RequestParam(required = false) String at,
                                           @RequestParam(required = false) String country,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        PageRequest page = Params.page(limit, offset);
        LocalDate day = Params.day("at", at);
        String c = Params.sectionCode("country", country);
        return Listing.of(runId, queries.patronage().links(runId, day, c, page).map(l -> new PatronageRow(l.city(),
                l.cityName(), l.prisonCountry(), labels.country(l.prisonCountry()),
                new ClaimView.DateView(l.periodAsWritten(), l.precision(), l.earliest(), l.latest()), l.placedOn(),
                l.endedOn(), l.establishedIndex(), l.endedIndex())));
    }

    @GetMapping("/conferences")
    @Operation(summary = "Conferences and congresses with their dates as written and delegates by group")
    public Listing<OrganisationViews.Conference> conferences(@RequestParam(required = false) String run,
                                                             @RequestParam(required = false) String limit,
                                                             @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        return Listing.of(runId, queries.organisation().conferences(runId, Params.page(limit, offset)));
    }

    @GetMapping("/timeline")
    @Operation(summary = "Members and sections at each step (month or year) of a period, for the page's timeline")
    public Listing<TimelinePoint> timeline(@RequestParam(required = false) String run,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String step,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        PageRequest page = Params.page(limit, offset);
        LocalDate f = Optional.ofNullable(Params.boundary("from", from, false)).orElse(LocalDate.of(1922, 1, 1));
        LocalDate t = Optional.ofNullable(Params.boundary("to", to, false)).orElse(LocalDate.of(1932, 12, 1));
        Params.range(f, t);
        Period s = Params.choice("step", step, Period.class, Period.YEAR);
        if (s == Period.TOTAL) {
            throw ApiProblem.badParameter("step must be month or year");
        }
        Page<OrganisationMembership.OrgPoint> members = org.series(runId, MembershipScope.ALL, f, t, s, page);
        Page<TimelineQueries.SectionCount> sections = timeline.sectionCounts(runId, f, t, s, page);
        List<TimelinePoint> points = new ArrayList<>();
        // After the last census the sources say nothing: the timeline shows no members then, as /api/membership does.
        Optional<LocalDate> lastCensus = carry.lastCensus(runId, MembershipScope.ALL);
        for (int i = 0; i < members.items().size(); i++) {
            OrganisationMembership.OrgPoint m = members.items().get(i);
            TimelineQueries.SectionCount c = sections.items().get(i);
            CarryForward.Shown shown = CarryForward.show(m.date(), m.members(), m.origin() == null ? null
                    : "DOCUMENTED".equals(m.origin()) ? "CENSUS" : "INTERPOLATED", m.origin(), m.membersAsOf(),
                    m.membersIndex(), lastCensus, CarryForward.Mode.NONE);
            points.add(new TimelinePoint(m.date(), shown.members(), shown.kind(), shown.asOf(), shown.globalIndex(),
                    c.sections(), c.certain(), m.statedSections(), m.sectionsAsOf(), m.sectionsIndex()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", f);
        summary.put("to", t);
        summary.put("step", s.name());
        summary.put("lastCensus", lastCensus.orElse(null));
        return Listing.of(runId, summary, new Page<>(points, page.limit(), page.offset(), members.hasMore()));
    }

    @GetMapping("/timeline/happenings")
    @Operation(summary = "Dated happenings of the run (founding, renamings, leaders, conferences, sections, patronage, "
            + "censuses), each with the event that explains it")
    public Listing<TimelineQueries.Happening> happenings(@RequestParam(required = false) String run,
                                                         @RequestParam(required = false) String from,
                                                         @RequestParam(required = false) String to,
                                                         @RequestParam(required = false) String kind,
                                                         @RequestParam(required = false) String limit,
                                                         @RequestParam(required = false) String offset) {
        String runId = runs.resolveId(run);
        PageRequest page = Params.page(limit, offset);
        LocalDate f = Optional.ofNullable(Params.boundary("from", from, false)).orElse(LocalDate.of(1800, 1, 1));
        LocalDate t = Optional.ofNullable(Params.boundary("to", to, true)).orElse(LocalDate.of(2100, 12, 31));
        Params.range(f, t);
        String k = kind == null || kind.isBlank() ? null : Params.choice("kind", kind, HappeningKind.class, null).name();
        return Listing.of(runId, timeline.happenings(runId, f, t, k, page));
    }

    /** The kinds of happening the timeline lists. */
    enum HappeningKind {
        ORGANISATION, RENAMED, LEADER, CONFERENCE, SECTION, SECTION_DISSOLVED, PATRONAGE, CENSUS
    }
}
