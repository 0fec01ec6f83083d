package org.mopr.ledger.projection.section;

import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Sections in existence at any day, single sections, and goods in kind. */
public final class SectionQueries {

    /** How many sections existed on a day, and how many of them certainly did whatever their founding date meant. */
    public record SectionCount(LocalDate date, int sections, int certain) {
    }

    private static final String COLUMNS = "section_code, name, founded_text, founded_precision, founded_earliest, "
            + "founded_latest, placed_on, placement, currencies, dissolved_on, dissolution_reason, founded_index, "
            + "dissolved_index";
    /** In existence on the day: placed on or before it and not yet dissolved (a section is gone on its dissolution day). */
    private static final String EXISTS_ON = "placed_on <= ? AND (dissolved_on IS NULL OR dissolved_on > ?)";

    private final JdbcTemplate jdbc;

    public SectionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<SectionView> existingAt(String run, LocalDate date, PageRequest page) {
        Args.required("date", date);
        return Paged.query(jdbc, "SELECT " + COLUMNS + ", founded_latest IS NOT NULL AND founded_latest <= ? "
                        + "FROM proj_section WHERE run_id = ? AND " + EXISTS_ON + " ORDER BY section_code",
                (rs, n) -> view(rs, true), page, date, Args.run(run), date, date);
    }

    public SectionCount countAt(String run, LocalDate date) {
        Args.required("date", date);
        return jdbc.queryForObject("SELECT count(*), count(*) FILTER (WHERE founded_latest IS NOT NULL AND founded_latest <= ?) "
                        + "FROM proj_section WHERE run_id = ? AND " + EXISTS_ON,
                (rs, n) -> new SectionCount(date, rs.getInt(1), rs.getInt(2)), date, Args.run(run), date, date);
    }

    public Optional<SectionView> section(String run, String code) {
        return jdbc.query("SELECT " + COLUMNS + " FROM proj_section WHERE run_id = ? AND section_code = ?",
                (rs, n) -> view(rs, false), Args.run(run), Args.section(code)).stream().findFirst();
    }

    /** Every section the run founded, dissolved or not, by code. */
    public Page<SectionView> all(String run, PageRequest page) {
        return Paged.query(jdbc, "SELECT " + COLUMNS + " FROM proj_section WHERE run_id = ? ORDER BY section_code",
                (rs, n) -> view(rs, false), page, Args.run(run));
    }

    /** Single gifts in a period, of one section or all, in date order. */
    public Page<GoodsView> goods(String run, String section, LocalDate from, LocalDate to, PageRequest page) {
        Args.range(from, to);
        List<Object> args = new ArrayList<>(List.of(Args.run(run), from, to));
        String bySection = bySection(section, args);
        return Paged.query(jdbc, "SELECT section_code, goods, unit, quantity, 1, received_on, donor, global_index "
                + "FROM proj_goods WHERE run_id = ? AND received_on BETWEEN ? AND ?" + bySection
                + " ORDER BY received_on, global_index", (rs, n) -> goods(rs), page, args.toArray());
    }

    /** Totals of gifts per section, kind of goods and unit in a period (units are never added across). */
    public Page<GoodsView> goodsTotals(String run, String section, LocalDate from, LocalDate to, PageRequest page) {
        Args.range(from, to);
        List<Object> args = new ArrayList<>(List.of(Args.run(run), from, to));
        String bySection = bySection(section, args);
        return Paged.query(jdbc, "SELECT section_code, goods, unit, sum(quantity), count(*), NULL::date, NULL, NULL::bigint "
                + "FROM proj_goods WHERE run_id = ? AND received_on BETWEEN ? AND ?" + bySection
                + " GROUP BY section_code, goods, unit ORDER BY section_code, goods, unit", (rs, n) -> goods(rs), page,
                args.toArray());
    }

    private static String bySection(String section, List<Object> args) {
        if (section == null) {
            return "";
        }
        args.add(Args.section(section));
        return " AND section_code = ?";
    }

    private static GoodsView goods(ResultSet rs) throws SQLException {
        return new GoodsView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, Long.class));
    }

    private static SectionView view(ResultSet rs, boolean withCertainty) throws SQLException {
        return new SectionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getString(8), Arrays.asList(rs.getString(9).split(",")), rs.getObject(10, LocalDate.class),
                rs.getString(11), rs.getLong(12), rs.getObject(13, Long.class),
                withCertainty ? rs.getBoolean(14) : null);
    }
}
