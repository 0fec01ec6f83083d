package org.mopr.ledger.simulation.allocation;

import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where an imprecise date goes on the timeline. Open bounds are closed by the
 * scenario's window, so "before 1933" lands between the window's start and 1932-12-31.
 */
public enum DatePlacement {
    START, MIDDLE, END, SEEDED_RANDOM;

    public static DatePlacement parse(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException("unknown date placement '" + id + "': use start, middle, end or seeded-random");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @return the day, or null when the date is unknown and cannot be placed at all
     */
    public LocalDate place(HistoricalDate date, LocalDate windowStart, LocalDate windowEnd, long seed) {
        if (date.earliest() == null && date.latest() == null) {
            return null;
        }
        LocalDate from = date.earliest() != null ? date.earliest() : windowStart;
        LocalDate to = date.latest() != null ? date.latest() : windowEnd;
        if (to.isBefore(from)) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(from, to);
        // An open bound says only "by then" or "from then": the middle of the window would be invention,
        // so MIDDLE keeps such a date at the bound the source gives.
        if (this == MIDDLE && date.earliest() == null) {
            return to;
        }
        if (this == MIDDLE && date.latest() == null) {
            return from;
        }
        return switch (this) {
            case START -> from;
            case MIDDLE -> from.plusDays(span / 2);
            case END -> to;
            case SEEDED_RANDOM -> from.plusDays(new SplittableRandom(seed).nextLong(span + 1));
        };
    }
}
