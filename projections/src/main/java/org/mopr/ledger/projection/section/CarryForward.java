package org.mopr.ledger.projection.section;

import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.query.Args;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What membership on a day after the last census is. The sources say nothing then, so by default there is no figure
 * ({@link Mode#NONE}); asked for ({@link Mode#FORWARD}), the last census is repeated and marked {@link #KIND}, naming
 * the census it repeats, never passed off as a census of that day.
 */
public final class CarryForward {

    /** The kind of a figure repeated from an earlier census. */
    public static final String KIND = "CARRIED_FORWARD";

    public enum Mode {
        NONE, FORWARD;

        /** {@code carry=none|forward}; absent is NONE. */
        public static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return NONE;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("carry must be none or forward, got '" + text + "'");
            }
        }
    }

    /**
     * A figure as shown on a day.
     *
     * @param members     null when the day is after the last census and nothing is carried
     * @param kind        CENSUS, INTERPOLATED, CARRIED_FORWARD, or null with no figure
     * @param carriedFrom the census repeated, for CARRIED_FORWARD; the last census, for a day after it with no figure
     */
    public record Shown(Long members, String kind, String origin, LocalDate asOf, Long globalIndex, LocalDate carriedFrom) {
    }

    private final JdbcTemplate jdbc;

    public CarryForward(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The day of the scope's last census stating members, if any. */
    public Optional<LocalDate> lastCensus(String run, MembershipScope scope) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(as_of) FROM proj_org_census WHERE run_id = ? AND scope = ? "
                + "AND members IS NOT NULL AND origin <> 'SIMULATED'", LocalDate.class, Args.run(run), scope.name()));
    }

    /** The day of a section's last census point, if any. */
    public Optional<LocalDate> lastSectionCensus(String run, String section) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(as_of) FROM proj_membership WHERE run_id = ? "
                + "AND section_code = ? AND kind = 'CENSUS'", LocalDate.class, Args.run(run), Args.section(section)));
    }

    /**
     * The point found on or before {@code day} (members, kind, origin, as of, event) as it may be shown: unchanged up
     * to the last census; after it, nothing, or the census carried forward and saying so.
     */
    public static Shown show(LocalDate day, Long members, String kind, String origin, LocalDate asOf, Long globalIndex,
                             Optional<LocalDate> lastCensus, Mode mode) {
        if (members == null || lastCensus.isEmpty() || !day.isAfter(lastCensus.get()) || asOf.isBefore(lastCensus.get())) {
            return new Shown(members, kind, origin, asOf, globalIndex, null);
        }
        if (mode == Mode.NONE) {
            return new Shown(null, null, null, null, null, lastCensus.get());
        }
        return new Shown(members, KIND, "DERIVED", asOf, globalIndex, asOf);
    }
}
