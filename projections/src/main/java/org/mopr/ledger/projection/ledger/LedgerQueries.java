package org.mopr.ledger.projection.ledger;

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
 * Balances (now or as of a day), flows between accounts, and the journal. A balance as of a day sums the whole
 * months before it from the monthly movements and only the days of its own month from the journal, so it costs
 * the same in 1923 as in 1932.
 */
public final class LedgerQueries {

    private final JdbcTemplate jdbc;
    private final CurrencyConverter converter;

    public LedgerQueries(JdbcTemplate jdbc, CurrencyConverter converter) {
        this.jdbc = jdbc;
        this.converter = converter;
    }

    /**
     * @param accountPrefix an account ("section/SU/fund") or a prefix ("section/SU/"), or null for every account
     * @param asOf          the day (inclusive), or null for the balances after every projected event
     */
    public Page<AccountBalance> balances(String run, String accountPrefix, LocalDate asOf, PageRequest page) {
        String runId = Args.run(run);
        String like = Args.accountPrefix(accountPrefix);
        if (asOf == null) {
            return Paged.query(jdbc, "SELECT account, currency, balance_minor, postings FROM proj_balance "
                    + "WHERE run_id = ? AND account LIKE ? ORDER BY account, currency", (rs, n) -> new AccountBalance(
                    rs.getString(1), new Money(rs.getLong(3), Currency.of(rs.getString(2))), rs.getLong(4)), page, runId, like);
        }
        LocalDate monthStart = asOf.withDayOfMonth(1);
        return Paged.query(jdbc, "SELECT account, currency, sum(amount), sum(postings) FROM ("
                        + "SELECT account, currency, debit_minor - credit_minor AS amount, postings FROM proj_account_month "
                        + "WHERE run_id = ? AND account LIKE ? AND month < ? "
                        + "UNION ALL SELECT account, currency, amount_minor, 1 FROM proj_journal "
                        + "WHERE run_id = ? AND account LIKE ? AND posted_on BETWEEN ? AND ?) x "
                        + "GROUP BY account, currency ORDER BY account, currency",
                (rs, n) -> new AccountBalance(rs.getString(1), new Money(rs.getLong(3), Currency.of(rs.getString(2))),
                        rs.getLong(4)), page, runId, like, monthStart, runId, like, monthStart, asOf);
    }

    /** One account's balance in one currency as of a day (null: now); zero when nothing was posted. */
    public Money balance(String run, String account, Currency currency, LocalDate asOf) {
        String runId = Args.run(run);
        Args.required("account", account);
        Args.required("currency", currency);
        Long minor;
        if (asOf == null) {
            minor = jdbc.queryForObject("SELECT coalesce(sum(balance_minor), 0) FROM proj_balance "
                    + "WHERE run_id = ? AND account = ? AND currency = ?", Long.class, runId, account, currency.code());
        } else {
            LocalDate monthStart = asOf.withDayOfMonth(1);
            minor = jdbc.queryForObject("SELECT coalesce((SELECT sum(debit_minor - credit_minor) FROM proj_account_month "
                            + "WHERE run_id = ? AND account = ? AND currency = ? AND month < ?), 0) "
                            + "+ coalesce((SELECT sum(amount_minor) FROM proj_journal WHERE run_id = ? AND account = ? "
                            + "AND currency = ? AND posted_on BETWEEN ? AND ?), 0)", Long.class,
                    runId, account, currency.code(), monthStart, runId, account, currency.code(), monthStart, asOf);
        }
        return new Money(minor, currency);
    }

    /**
     * Flows in a period of months, grouped by period; with an account prefix, only flows from or to such accounts.
     * A conversion, when asked for, is at the declared rate valid on the first day of each period.
     */
    public Page<FlowFigure> flows(String run, YearMonth from, YearMonth to, String accountPrefix, Period period,
                                  ConvertTo convert, PageRequest page) {
        Args.range(from, to);
        Args.required("period", period);
        String runId = Args.run(run);
        String like = Args.accountPrefix(accountPrefix);
        List<Object> args = new ArrayList<>();
        if (period == Period.TOTAL) {
            args.add(from.atDay(1));
        }
        args.addAll(List.of(runId, from.atDay(1), to.atDay(1), like, like));
        String sql = "SELECT from_account, to_account, " + period.startOf("month") + " AS period, currency, "
                + "sum(amount_minor), sum(movements) FROM proj_flow_month WHERE run_id = ? AND month BETWEEN ? AND ? "
                + "AND (from_account LIKE ? OR to_account LIKE ?) GROUP BY 1, 2, 3, 4 ORDER BY 3, 1, 2, 4";
        RateTable rates = convert == null ? null : converter.table(runId, convert);
        Currency target = convert == null ? null : convert.currency();
        return Paged.query(jdbc, sql, (rs, n) -> {
            LocalDate start = rs.getObject(3, LocalDate.class);
            Money amount = new Money(rs.getLong(5), Currency.of(rs.getString(4)));
            return new FlowFigure(rs.getString(1), rs.getString(2), start, RateTable.figure(rates, amount, start, target),
                    rs.getLong(6));
        }, page, args.toArray());
    }

    /** The postings to one account in a period, in the order the events were stored. */
    public Page<JournalLine> journal(String run, String account, LocalDate from, LocalDate to, PageRequest page) {
        Args.range(from, to);
        return Paged.query(jdbc, "SELECT global_index, leg, posted_on, account, currency, amount_minor, event_type, "
                        + "origin, provenance_id FROM proj_journal WHERE run_id = ? AND account = ? "
                        + "AND posted_on BETWEEN ? AND ? ORDER BY global_index, leg",
                (rs, n) -> new JournalLine(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), new Money(rs.getLong(6), Currency.of(rs.getString(5))), rs.getString(7),
                        rs.getString(8), rs.getObject(9, Long.class)),
                page, Args.run(run), Args.required("account", account), from, to);
    }
}
