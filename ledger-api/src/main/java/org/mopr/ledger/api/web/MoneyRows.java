package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.rates.Conversion;
import org.mopr.ledger.projection.rates.RateUsed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The rows of the money endpoints. A period is written with its precision ("1923-03", "1923", or "1922-12/1924-07"
 * for a total) beside its first and last day; the native amount always comes first and the conversion, when asked
 * for, beside it with the rate, its day and whether the scenario assumed it or cited it.
 */
public final class MoneyRows {

    private MoneyRows() {
    }

    public record PeriodView(String text, String precision, LocalDate start, LocalDate end) {

        static PeriodView of(Period period, LocalDate start, YearMonth from, YearMonth to) {
            return switch (period) {
                case MONTH -> new PeriodView(YearMonth.from(start).toString(), "MONTH", start,
                        YearMonth.from(start).atEndOfMonth());
                case YEAR -> new PeriodView(String.valueOf(start.getYear()), "YEAR", start,
                        LocalDate.of(start.getYear(), 12, 31));
                case TOTAL -> new PeriodView(from + "/" + to, "INTERVAL", from.atDay(1), to.atEndOfMonth());
            };
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConvertedView(Money amount, LocalDate rateOn, String rateTable, String rate, Boolean inverse,
                                Boolean assumption, String citation) {

        static ConvertedView of(Conversion c) {
            if (c == null) {
                return null;
            }
            RateUsed r = c.rate();
            if (r == null) {
                return new ConvertedView(c.converted(), c.rateOn(), null, "1", null, null, null);
            }
            String rate = new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MathContext.DECIMAL64)
                    .stripTrailingZeros().toPlainString();
            return new ConvertedView(c.converted(), c.rateOn(), r.table(), r.from() + "->" + r.to() + " " + rate,
                    r.inverse(), r.assumption(), r.citation());
        }
    }

    public record IncomeRow(String section, String country, String kind, PeriodView period, Money amount,
                            ConvertedView converted, long entries) {
    }

    public record AidRow(String fromAccount, String fromLabel, String country, String countryName, String purpose,
                         PeriodView period, Money amount, ConvertedView converted, long entries, long overdrafts) {
    }

    public record FlowRow(String fromAccount, String fromLabel, String toAccount, String toLabel, PeriodView period,
                          Money amount, ConvertedView converted, long movements) {
    }

    public record BalanceRow(String account, String label, Money balance, long postings) {
    }
}
