package org.mopr.ledger.projection.patronage;

import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Patronage links, all of them or those active on a day, optionally for one country's prisons. */
public final class PatronageQueries {

    private final JdbcTemplate jdbc;

    public PatronageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param activeOn a day the link must have been active on (placed on or before it, not ended by then), or null
     * @param country  the country whose prisoners are patronized, or null for all
     */
    public Page<PatronageLink> links(String run, LocalDate activeOn, String country, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(Args.run(run)));
        StringBuilder where = new StringBuilder();
        if (activeOn != null) {
            where.append(" AND placed_on <= ? AND (ended_on IS NULL OR ended_on > ?)");
            args.add(activeOn);
            args.add(activeOn);
        }
        if (country != null) {
            where.append(" AND prison_country = ?");
            args.add(Args.section(country));
        }
        return Paged.query(jdbc, "SELECT city_key, city_name, prison_country, period_text, period_precision, "
                        + "period_earliest, period_latest, placed_on, ended_on, established_index, ended_index "
                        + "FROM proj_patronage WHERE run_id = ?" + where + " ORDER BY city_key, prison_country",
                (rs, n) -> new PatronageLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getLong(10),
                        rs.getObject(11, Long.class)), page, args.toArray());
    }
}
