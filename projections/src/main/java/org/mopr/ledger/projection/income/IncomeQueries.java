package org.mopr.ledger.projection.income;

import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.rates.ConvertTo;
import org.mopr.ledger.projection.rates.CurrencyConverter;
import org.mopr.ledger.projection.rates.RateTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Dues, donations and aid by section (or paying account), period and currency. Sums are per currency and never
 * mixed; a conversion, when asked for, is made at the declared rate valid on the first day of each period.
 */
public final class IncomeQueries {

    private final JdbcTemplate jdbc;
    private final CurrencyConverter converter;

    public IncomeQueries(JdbcTemplate jdbc, CurrencyConverter converter) {
        this.jdbc = jdbc;
        this.converter = converter;
    }

    /**
     * @param kind    DUES, DONATION, or null for both
     * @param section a section code, or null for every section
     * @param convert a currency to show beside the native amounts, or null
     */
    public Page<IncomeFigure> income(String run, IncomeKind kind, String section, YearMonth from, YearMonth to,
                                     Period period, ConvertTo convert, PageRequest page) {
        Args.range(from, to);
        Args.required("period", period);
        String runId = Args.run(run);
        List<Object> args = new ArrayList<>();
        if (period == Period.TOTAL) {
            args.add(from.atDay(1));
        }
        args.addAll(List.of(runId, from.atDay(1), to.atDay(1)));
        StringBuilder where = new StringBuilder();
        if (kind != null) {
            where.append(" AND kind = ?");
            args.add(kind.name());
        }
        if (section != null) {
            where.append(" AND section_code = ?");
            args.add(Args.section(section));
        }
        String sql = "SELECT section_code, kind, " + period.startOf("month") + " AS period, currency, "
                + "sum(amount_minor), sum(entries) FROM proj_income_month WHERE run_id = ? AND month BETWEEN ? AND ?"
                + where + " GROUP BY 1, 2, 3, 4 ORDER BY 3, 1, 2, 4";
        RateTable rates = convert == null ? null : converter.table(runId, convert);
        Currency target = convert == null ? null : convert.currency();
        return Paged.query(jdbc, sql, (rs, n) -> {
            LocalDate start = rs.getObject(3, LocalDate.class);
            Money amount = new Money(rs.getLong(5), Currency.of(rs.getString(4)));
            return new IncomeFigure(rs.getString(1), IncomeKind.valueOf(rs.getString(2)), start,
                    RateTable.figure(rates, amount, start, target), rs.getLong(6));
        }, page, args.toArray());
    }

    /**
     * @param fromAccountPrefix the paying account or a prefix of it ("section/SU/" for the Soviet section's fund,
     *                          "fund/" for the central funds), or null for every payer
     * @param country           a country code, or null for every country
     */
    public Page<AidFigure> aid(String run, String fromAccountPrefix, String country, YearMonth from, YearMonth to,
                               Period period, ConvertTo convert, PageRequest page) {
        Args.range(from, to);
        Args.required("period", period);
        String runId = Args.run(run);
        List<Object> args = new ArrayList<>();
        if (period == Period.TOTAL) {
            args.add(from.atDay(1));
        }
        args.addAll(List.of(runId, from.atDay(1), to.atDay(1), Args.accountPrefix(fromAccountPrefix)));
        String byCountry = "";
        if (country != null) {
            byCountry = " AND country = ?";
            args.add(Args.section(country));
        }
        String sql = "SELECT from_account, country, purpose, " + period.startOf("month") + " AS period, currency, "
                + "sum(amount_minor), sum(entries), sum(overdrafts) FROM proj_aid_month "
                + "WHERE run_id = ? AND month BETWEEN ? AND ? AND from_account LIKE ?" + byCountry
                + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 4, 1, 2, 3, 5";
        RateTable rates = convert == null ? null : converter.table(runId, convert);
        Currency target = convert == null ? null : convert.currency();
        return Paged.query(jdbc, sql, (rs, n) -> {
            LocalDate start = rs.getObject(4, LocalDate.class);
            Money amount = new Money(rs.getLong(6), Currency.of(rs.getString(5)));
            return new AidFigure(rs.getString(1), rs.getString(2), AidPurpose.valueOf(rs.getString(3)), start,
                    RateTable.figure(rates, amount, start, target), rs.getLong(7), rs.getLong(8));
        }, page, args.toArray());
    }
}
