package org.mopr.ledger.projection.timeline;

import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.projection.query.Period;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the page's timeline reads: the number of sections on each step of a period, and the dated happenings of a run
 * (founding, renamings, leaders, conferences, sections founded and dissolved, patronage, stated censuses) with the
 * event behind each, so a click can explain it.
 */
public class TimelineQueries {

    /** How many sections existed on a day, and how many certainly did whatever their imprecise founding date meant. */
    public record SectionCount(LocalDate date, int sections, int certain) {
    }

    /** Something that happened, on the day the scenario placed it, with the date as the source gave it. */
    public record Happening(LocalDate date, String dateAsWritten, String precision, String kind, String subject,
                            String detail, long globalIndex) {
    }

    private static final String HAPPENINGS = "SELECT * FROM ("
            + "SELECT placed_on AS day, founded_text AS written, founded_precision AS precision, 'ORGANISATION' AS kind, "
            + "name AS subject, NULL AS detail, global_index FROM proj_organisation WHERE run_id = ? "
            + "UNION ALL SELECT placed_on, date_text, date_precision, 'RENAMED', new_name, previous_name, global_index "
            + "FROM proj_governing_body WHERE run_id = ? "
            + "UNION ALL SELECT placed_on, term_text, term_precision, 'LEADER', person, role, global_index "
            + "FROM proj_leadership WHERE run_id = ? "
            + "UNION ALL SELECT placed_on, dates_text, dates_precision, 'CONFERENCE', coalesce(name, conference_key), "
            + "place, global_index FROM proj_conference WHERE run_id = ? "
            + "UNION ALL SELECT placed_on, founded_text, founded_precision, 'SECTION', section_code, name, founded_index "
            + "FROM proj_section WHERE run_id = ? "
            + "UNION ALL SELECT dissolved_on, dissolved_on::text, 'DAY', 'SECTION_DISSOLVED', section_code, "
            + "dissolution_reason, dissolved_index FROM proj_section WHERE run_id = ? AND dissolved_on IS NOT NULL "
            + "UNION ALL SELECT placed_on, period_text, period_precision, 'PATRONAGE', city_name, prison_country, "
            + "established_index FROM proj_patronage WHERE run_id = ? "
            + "UNION ALL SELECT as_of, as_of::text, 'DAY', 'CENSUS', scope, "
            + "concat_ws(' ', members || ' members', sections || ' sections'), global_index "
            + "FROM proj_org_census WHERE run_id = ? AND origin = 'DOCUMENTED'"
            + ") h WHERE day BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;

    public TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<SectionCount> sectionCounts(String run, LocalDate from, LocalDate to, Period step, PageRequest page) {
        return Paged.query(jdbc, "SELECT d.day, count(s.section_code), count(s.section_code) FILTER "
                        + "(WHERE s.founded_latest IS NOT NULL AND s.founded_latest <= d.day) "
                        + "FROM (SELECT g::date AS day FROM generate_series(?::date, ?::date, ?::interval) g) d "
                        + "LEFT JOIN proj_section s ON s.run_id = ? AND s.placed_on <= d.day "
                        + "AND (s.dissolved_on IS NULL OR s.dissolved_on > d.day) GROUP BY d.day ORDER BY d.day",
                (rs, n) -> new SectionCount(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)), page,
                from, to, step == Period.YEAR ? "1 year" : "1 month", run);
    }

    /** @param kind one of the kinds above, or null for all */
    public Page<Happening> happenings(String run, LocalDate from, LocalDate to, String kind, PageRequest page) {
        List<Object> args = new ArrayList<>(Collections.nCopies(8, run));
        args.add(from);
        args.add(to);
        String byKind = "";
        if (kind != null) {
            byKind = " AND kind = ?";
            args.add(kind);
        }
        return Paged.query(jdbc, HAPPENINGS + byKind + " ORDER BY day, global_index",
                (rs, n) -> new Happening(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)), page, args.toArray());
    }
}
