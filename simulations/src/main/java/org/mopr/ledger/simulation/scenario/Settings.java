package org.mopr.ledger.simulation.scenario;

import org.mopr.ledger.simulation.allocation.DatePlacement;
import org.mopr.ledger.simulation.allocation.WeightModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scenario after validation, with its defaults filled in: what the compiler reads. Nothing here can be
 * malformed any more, so the compiler's only errors are about the catalog and the domain.
 */
public record Settings(String name, String description, String catalog, long seed, Granularity granularity,
                       DatePlacement placement, LocalDate windowFrom, LocalDate windowTo,
                       Map<String, AllocationRule> allocations, List<RateRow> rates, List<Scenario.Ban> bans,
                       List<DuesFactorRow> duesFactors, List<Scenario.PreferClaim> preferences,
                       List<Scenario.FoundingDate> foundingDates, long memberEvents, int perBatch,
                       List<String> holdOut, boolean drawRanges) {

    /**
     * Settings whose claims given as ranges or bounds are booked at one point, as every single run books them;
     * {@code drawRanges} (an ensemble's {@code --vary ranges}) draws them within what they say instead.
     */
    public Settings(String name, String description, String catalog, long seed, Granularity granularity,
                    DatePlacement placement, LocalDate windowFrom, LocalDate windowTo,
                    Map<String, AllocationRule> allocations, List<RateRow> rates, List<Scenario.Ban> bans,
                    List<DuesFactorRow> duesFactors, List<Scenario.PreferClaim> preferences,
                    List<Scenario.FoundingDate> foundingDates, long memberEvents, int perBatch, List<String> holdOut) {
        this(name, description, catalog, seed, granularity, placement, windowFrom, windowTo, allocations, rates, bans,
                duesFactors, preferences, foundingDates, memberEvents, perBatch, holdOut, false);
    }

    public enum Granularity { SECTION_MONTH, MEMBER_MONTH }

    public record AllocationRule(WeightModel model, double sigma) {
    }

    /**
     * One unit of {@code from} is {@code numerator/denominator} of {@code to}; {@code low..high} is the range the
     * scenario declares for it (both null when it declares none).
     */
    public record RateRow(String table, String from, String to, LocalDate validFrom, LocalDate validTo,
                          long numerator, long denominator, String citation, boolean assumption,
                          BigDecimal low, BigDecimal high) {

        public RateRow withRate(long numerator, long denominator) {
            return new RateRow(table, from, to, validFrom, validTo, numerator, denominator, citation, assumption, low, high);
        }
    }

    public record DuesFactorRow(String section, BigDecimal factor) {
    }

    public AllocationRule allocation(String rule) {
        return allocations.getOrDefault(rule, new AllocationRule(WeightModel.EVEN, 0));
    }
}
