package org.mopr.ledger.projection.engine;

import org.mopr.ledger.time.HistoricalDate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;

/** Typed, null-safe parameter binding for the projection statements. */
public final class Bind {

    private Bind() {
    }

    public static void text(PreparedStatement ps, int index, String value) throws SQLException {
        ps.setObject(index, value, Types.VARCHAR);
    }

    public static void date(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        ps.setObject(index, value, Types.DATE);
    }

    public static void month(PreparedStatement ps, int index, YearMonth value) throws SQLException {
        ps.setObject(index, value.atDay(1), Types.DATE);
    }

    public static void longOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        ps.setObject(index, value, Types.BIGINT);
    }

    /** Four columns: the date as written, its precision, its earliest and its latest possible day. */
    public static void historical(PreparedStatement ps, int index, HistoricalDate value) throws SQLException {
        text(ps, index, value == null ? null : value.toString());
        text(ps, index + 1, value == null ? null : value.precision().name());
        date(ps, index + 2, value == null ? null : value.earliest());
        date(ps, index + 3, value == null ? null : value.latest());
    }
}
