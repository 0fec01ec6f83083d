package org.mopr.ledger.projection.organisation;

import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Conferences with their delegates, leaders, organisation-wide censuses and the governing body's names. */
public final class OrganisationQueries {

    private final JdbcTemplate jdbc;

    public OrganisationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<OrganisationViews.Conference> conferences(String run, PageRequest page) {
        String runId = Args.run(run);
        Page<OrganisationViews.Conference> bare = Paged.query(jdbc, "SELECT conference_key, name, place, dates_text, "
                + "dates_precision, dates_earliest, dates_latest, placed_on, delegates, global_index FROM proj_conference "
                + "WHERE run_id = ? ORDER BY placed_on, conference_key", (rs, n) -> new OrganisationViews.Conference(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                rs.getObject(9, Long.class), Map.of(), rs.getLong(10)), page, runId);
        Map<String, Map<String, Long>> groups = delegateGroups(runId, bare.items().stream()
                .map(OrganisationViews.Conference::key).toList());
        return bare.map(c -> new OrganisationViews.Conference(c.key(), c.name(), c.place(), c.datesAsWritten(),
                c.precision(), c.earliest(), c.latest(), c.placedOn(), c.delegates(),
                groups.getOrDefault(c.key(), Map.of()), c.globalIndex()));
    }

    public Page<OrganisationViews.Leader> leadership(String run, PageRequest page) {
        return Paged.query(jdbc, "SELECT person, role, term_text, term_precision, term_earliest, term_latest, placed_on, "
                        + "global_index FROM proj_leadership WHERE run_id = ? ORDER BY placed_on, global_index",
                (rs, n) -> new OrganisationViews.Leader(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getLong(8)), page, Args.run(run));
    }

    /** Censuses in a period, of one scope or both (scope null), in date order. */
    public Page<OrganisationViews.Census> censuses(String run, MembershipScope scope, LocalDate from, LocalDate to,
                                                   PageRequest page) {
        Args.range(from, to);
        List<Object> args = new ArrayList<>(List.of(Args.run(run), from, to));
        String byScope = "";
        if (scope != null) {
            byScope = " AND scope = ?";
            args.add(scope.name());
        }
        return Paged.query(jdbc, "SELECT as_of, scope, members, sections, origin, global_index FROM proj_org_census "
                        + "WHERE run_id = ? AND as_of BETWEEN ? AND ?" + byScope + " ORDER BY as_of, scope, global_index",
                (rs, n) -> new OrganisationViews.Census(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, Long.class), rs.getObject(4, Integer.class), rs.getString(5), rs.getLong(6)),
                page, args.toArray());
    }

    public Page<OrganisationViews.GoverningBody> governingBodies(String run, PageRequest page) {
        return Paged.query(jdbc, "SELECT previous_name, new_name, date_text, date_precision, date_earliest, date_latest, "
                        + "placed_on, global_index FROM proj_governing_body WHERE run_id = ? ORDER BY placed_on, global_index",
                (rs, n) -> new OrganisationViews.GoverningBody(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getLong(8)), page, Args.run(run));
    }

    private Map<String, Map<String, Long>> delegateGroups(String run, List<String> conferences) {
        Map<String, Map<String, Long>> groups = new HashMap<>();
        if (conferences.isEmpty()) {
            return groups;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT conference_key, delegate_group, delegates FROM proj_conference_delegates "
                    + "WHERE run_id = ? AND conference_key = ANY (?)");
            ps.setString(1, run);
            ps.setArray(2, con.createArrayOf("text", conferences.toArray()));
            return ps;
        }, rs -> {
            groups.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return groups;
    }
}
