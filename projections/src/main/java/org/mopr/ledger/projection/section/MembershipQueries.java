package org.mopr.ledger.projection.section;

import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.projection.query.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Membership "as of" any day: a section's figure is its last census or interpolated point on or before the day
 * (on one day, a census outranks an interpolated point, then the later event wins); a scope's figure sums the
 * sections in existence that day.
 */
public final class MembershipQueries {

    /** The point a section shows on day {@code ?}, for a proj_section row aliased {@code s}. */
    private static final String LAST_POINT = "SELECT p.as_of, p.members, p.kind, p.origin, p.global_index "
            + "FROM proj_membership p WHERE p.run_id = s.run_id AND p.section_code = s.section_code AND p.as_of <= %s "
            + "ORDER BY p.as_of DESC, (p.kind = 'CENSUS') DESC, p.global_index DESC LIMIT 1";
    private static final String EXISTS_ON = "s.placed_on <= %1$s AND (s.dissolved_on IS NULL OR s.dissolved_on > %1$s)";

    private static final RowMapper<MembershipPoint> POINT = (rs, n) -> new MembershipPoint(rs.getString(1),
            rs.getObject(2, LocalDate.class), rs.getLong(3), MembershipKind.valueOf(rs.getString(4)), rs.getString(5),
            rs.getLong(6));

    private final JdbcTemplate jdbc;

    public MembershipQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A section's point as of the day, whether or not the section still existed then. */
    public Optional<MembershipPoint> sectionAt(String run, String section, LocalDate date) {
        return jdbc.query("SELECT section_code, as_of, members, kind, origin, global_index FROM proj_membership "
                        + "WHERE run_id = ? AND section_code = ? AND as_of <= ? "
                        + "ORDER BY as_of DESC, (kind = 'CENSUS') DESC, global_index DESC LIMIT 1",
                POINT, Args.run(run), Args.section(section), Args.required("date", date)).stream().findFirst();
    }

    public ScopeMembership at(String run, Scope scope, LocalDate date) {
        Page<ScopeMembership> one = series(run, scope, date, date, Period.MONTH, PageRequest.first(1));
        return one.items().get(0);
    }

    /** The points behind {@link #at}: one per section in existence on the day that has a figure by then. */
    public Page<MembershipPoint> contributions(String run, Scope scope, LocalDate date, PageRequest page) {
        Args.required("scope", scope);
        Args.required("date", date);
        List<Object> args = new ArrayList<>(List.of(date, Args.run(run), date, date));
        args.addAll(scope.conditionArgs());
        return Paged.query(jdbc, "SELECT s.section_code, m.as_of, m.members, m.kind, m.origin, m.global_index "
                + "FROM proj_section s CROSS JOIN LATERAL (" + LAST_POINT.formatted("?") + ") m "
                + "WHERE s.run_id = ? AND " + EXISTS_ON.formatted("?") + scope.condition("s")
                + " ORDER BY s.section_code", POINT, page, args.toArray());
    }

    /** A section's own points in a period, census and interpolated, in date order. */
    public Page<MembershipPoint> points(String run, String section, LocalDate from, LocalDate to, PageRequest page) {
        Args.range(from, to);
        return Paged.query(jdbc, "SELECT section_code, as_of, members, kind, origin, global_index FROM proj_membership "
                + "WHERE run_id = ? AND section_code = ? AND as_of BETWEEN ? AND ? ORDER BY as_of, global_index",
                POINT, page, Args.run(run), Args.section(section), from, to);
    }

    /**
     * The scope's membership as of {@code from}, {@code from} plus one step, and so on up to {@code to}: one query
     * however many days, each section's point found through the (run, section, as_of) index.
     */
    public Page<ScopeMembership> series(String run, Scope scope, LocalDate from, LocalDate to, Period step,
                                        PageRequest page) {
        Args.range(from, to);
        Args.required("scope", scope);
        if (step == null || step == Period.TOTAL) {
            throw new IllegalArgumentException("a membership series steps by MONTH or YEAR, not " + step);
        }
        List<Object> args = new ArrayList<>(List.of(from, to, step == Period.MONTH ? "1 month" : "1 year", Args.run(run)));
        args.addAll(scope.conditionArgs());
        String sql = "SELECT d.day, count(s.section_code), count(m.members), coalesce(sum(m.members), 0), "
                + "coalesce(sum(m.members) FILTER (WHERE m.kind = 'CENSUS'), 0), "
                + "coalesce(sum(m.members) FILTER (WHERE m.kind = 'INTERPOLATED'), 0) "
                + "FROM (SELECT g::date AS day FROM generate_series(?::date, ?::date, ?::interval) g) d "
                + "LEFT JOIN proj_section s ON s.run_id = ? AND " + EXISTS_ON.formatted("d.day") + scope.condition("s")
                + " LEFT JOIN LATERAL (" + LAST_POINT.formatted("d.day") + ") m ON true "
                + "GROUP BY d.day ORDER BY d.day";
        return Paged.query(jdbc, sql, (rs, n) -> {
            int existing = rs.getInt(2);
            int counted = rs.getInt(3);
            return new ScopeMembership(scope.name(), rs.getObject(1, LocalDate.class), rs.getLong(4), counted,
                    existing - counted, rs.getLong(5), rs.getLong(6));
        }, page, args.toArray());
    }
}
