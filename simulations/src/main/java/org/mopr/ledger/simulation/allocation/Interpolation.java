package org.mopr.ledger.simulation.allocation;

import org.mopr.ledger.shared.DomainException;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Membership between two census dates. The sources give only benchmark counts, no indicator series, and
 * Denton's additive benchmarking with a flat indicator reduces to a straight line through the benchmarks;
 * so the declared method is linear in days, rounded half-up, passing exactly through both censuses.
 */
public final class Interpolation {

    private Interpolation() {
    }

    public record Point(LocalDate date, long value) {
    }

    /** Points on the first day of each month strictly between the two census dates. */
    public static List<Point> monthly(LocalDate from, long fromValue, LocalDate to, long toValue) {
        if (!to.isAfter(from)) {
            throw new DomainException("interpolation needs a later second census: " + from + " then " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to);
        List<Point> points = new ArrayList<>();
        LocalDate d = from.withDayOfMonth(1).plusMonths(1);
        while (d.isBefore(to)) {
            long elapsed = ChronoUnit.DAYS.between(from, d);
            BigDecimal delta = BigDecimal.valueOf(toValue - fromValue).multiply(BigDecimal.valueOf(elapsed))
                    .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP);
            points.add(new Point(d, BigInteger.valueOf(fromValue).add(delta.toBigIntegerExact()).longValueExact()));
            d = d.plusMonths(1);
        }
        return points;
    }
}
