package org.mopr.ledger.projection.rates;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Converts money only through the run's declared rates (ExchangeRateDeclared). A rate applies on the days it is
 * declared valid for; among several, the latest-starting (then the latest-declared) wins. A rate declared the
 * other way round is used divided, and says so. With no declared rate there is no conversion, only an error.
 */
public final class CurrencyConverter {

    /** A rate table is a scenario's handful of dated rates; more than this is not a table but a mistake. */
    static final int MAX_RATES_PER_TABLE = 10_000;

    private static final String COLUMNS = "rate_table, from_currency, to_currency, valid_from, valid_to, numerator, "
            + "denominator, citation, assumption, global_index";

    /** Rates as declared; {@link RateTable} marks the ones it uses the other way round. */
    private static final RowMapper<RateUsed> MAPPER = (rs, n) -> new RateUsed(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6),
            rs.getLong(7), rs.getString(8), rs.getBoolean(9), false, rs.getLong(10));

    private final JdbcTemplate jdbc;

    public CurrencyConverter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The names of the run's rate tables. */
    public List<String> tables(String run) {
        return jdbc.queryForList("SELECT DISTINCT rate_table FROM proj_exchange_rate WHERE run_id = ? ORDER BY 1",
                String.class, Args.run(run));
    }

    public Page<RateUsed> rates(String run, String table, PageRequest page) {
        return Paged.query(jdbc, "SELECT " + COLUMNS + " FROM proj_exchange_rate WHERE run_id = ? AND (?::text IS NULL "
                + "OR rate_table = ?) ORDER BY rate_table, from_currency, to_currency, valid_from, global_index",
                MAPPER, page, Args.run(run), table, table);
    }

    /** The rate {@code from -> to} valid on {@code on} in the table, if the run declared one (either way round). */
    public Optional<RateUsed> rate(String run, String table, Currency from, Currency to, LocalDate on) {
        return RateTable.load(this, Args.run(run), resolveTable(run, table)).find(from, to, Args.required("date", on));
    }

    /** Converts at the rate valid on {@code on}; refuses when the run declared none. */
    public Conversion convert(String run, String table, Money amount, LocalDate on, Currency to) {
        return RateTable.load(this, Args.run(run), resolveTable(run, table)).convert(amount, on, to);
    }

    /** A table to convert many figures with one read of the rates. */
    public RateTable table(String run, ConvertTo request) {
        return RateTable.load(this, Args.run(run), resolveTable(run, request.table()));
    }

    /** The named table, or the run's only one when none is named. */
    String resolveTable(String run, String table) {
        List<String> tables = tables(run);
        if (table == null) {
            if (tables.size() != 1) {
                throw new IllegalArgumentException("run " + run + " declares " + (tables.isEmpty() ? "no rate tables"
                        : "the rate tables " + tables + ": name one"));
            }
            return tables.get(0);
        }
        if (!tables.contains(table)) {
            throw new IllegalArgumentException("run " + run + " declares no rate table '" + table + "' (it has " + tables + ")");
        }
        return table;
    }

    List<RateUsed> load(String run, String table) {
        List<RateUsed> rates = jdbc.query("SELECT " + COLUMNS + " FROM proj_exchange_rate WHERE run_id = ? AND rate_table = ? "
                + "ORDER BY valid_from DESC, global_index DESC LIMIT ?", MAPPER, run, table, MAX_RATES_PER_TABLE + 1);
        if (rates.size() > MAX_RATES_PER_TABLE) {
            throw new IllegalArgumentException("rate table '" + table + "' of run " + run + " has more than "
                    + MAX_RATES_PER_TABLE + " rates");
        }
        return rates;
    }

    /** {@code minor} of {@code from} in minor units of {@code to}, rounded half-even to the target's minor unit. */
    static long convertMinor(long minor, Currency from, Currency to, long numerator, long denominator) {
        BigDecimal value = new BigDecimal(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(numerator)))
                .movePointRight(to.minorDigits() - from.minorDigits())
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(minor + " minor units of " + from + " are too large to convert into " + to);
        }
    }

}
