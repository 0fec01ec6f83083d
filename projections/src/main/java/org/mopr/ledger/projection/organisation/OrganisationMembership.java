package org.mopr.ledger.projection.organisation;

import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.projection.query.Period;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

/**
 * Organisation-wide membership as of a day, from the censuses (proj_org_census): the sources count MOPR as a whole or
 * outside the USSR, not section by section, so "all" and "outside the USSR" are read here. A point is the last census
 * or interpolated figure on or before the day (a census outranks an interpolation of the same day).
 */
public class OrganisationMembership {

    /** A scope's figure on a day: members from the last point with members, sections from the last point stating them. */
    public record OrgPoint(LocalDate date, Long members, LocalDate membersAsOf, String origin, Long membersIndex,
                           Integer statedSections, LocalDate sectionsAsOf, Long sectionsIndex) {
    }

    private static final String LAST_MEMBERS = "SELECT c.as_of, c.members, c.origin, c.global_index FROM proj_org_census c "
            + "WHERE c.run_id = ? AND c.scope = ? AND c.members IS NOT NULL AND c.as_of <= %s "
            + "ORDER BY c.as_of DESC, (c.origin = 'DOCUMENTED') DESC, c.global_index DESC LIMIT 1";
    private static final String LAST_SECTIONS = "SELECT c.as_of, c.sections, c.global_index FROM proj_org_census c "
            + "WHERE c.run_id = ? AND c.scope = ? AND c.sections IS NOT NULL AND c.as_of <= %s "
            + "ORDER BY c.as_of DESC, c.global_index DESC LIMIT 1";

    private final JdbcTemplate jdbc;

    public OrganisationMembership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OrgPoint at(String run, MembershipScope scope, LocalDate day) {
        return series(run, scope, day, day, Period.MONTH, PageRequest.first(1)).items().get(0);
    }

    /** The scope's figure on {@code from}, {@code from} plus a step, ... up to {@code to}, in one query. */
    public Page<OrgPoint> series(String run, MembershipScope scope, LocalDate from, LocalDate to, Period step,
                                 PageRequest page) {
        String interval = step == Period.YEAR ? "1 year" : "1 month";
        return Paged.query(jdbc, "SELECT d.day, m.members, m.as_of, m.origin, m.global_index, s.sections, s.as_of, "
                        + "s.global_index FROM (SELECT g::date AS day FROM generate_series(?::date, ?::date, ?::interval) g) d "
                        + "LEFT JOIN LATERAL (" + LAST_MEMBERS.formatted("d.day") + ") m ON true "
                        + "LEFT JOIN LATERAL (" + LAST_SECTIONS.formatted("d.day") + ") s ON true ORDER BY d.day",
                (rs, n) -> new OrgPoint(rs.getObject(1, LocalDate.class), rs.getObject(2, Long.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, Long.class),
                        rs.getObject(6, Integer.class), rs.getObject(7, LocalDate.class), rs.getObject(8, Long.class)),
                page, from, to, interval, run, scope.name(), run, scope.name());
    }
}
