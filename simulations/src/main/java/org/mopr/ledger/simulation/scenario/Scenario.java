package org.mopr.ledger.simulation.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written: which catalog, how documented totals are spread
 * (allocations), which rates convert currencies, where imprecise dates go, what-if overrides, and the seed.
 * Unknown keys are refused by the reader, so a misspelt override cannot silently do nothing.
 *
 * @param catalog       the catalog it starts from; only "historical" ships
 * @param granularity   section-month (default) or member-month (synthetic, for scale)
 * @param datePlacement start, middle, end or seeded-random
 * @param window        the ledger's period; dates outside it are refused or left out with a reason
 * @param allocations   parameters of the compiler's named allocation rules
 * @param members       member-level knobs, only for member-month granularity
 * @param holdOut       claim ids compiled as if the catalog lacked them, so the reconciliation can check each
 *                      against what the rest of the record gives
 * @param sources       folders of sources ({@code <name>.txt} with {@code <name>.yaml}) the run adds to the shipped
 *                      five, relative to the scenario file's folder
 * @param rules         the compile rules: "historical" (the shipped file, the default) or a rules file relative to
 *                      the scenario file's folder, which replaces the shipped rules or, with {@code extends:
 *                      historical}, comes before them
 */
public record Scenario(
        String name,
        String description,
        String catalog,
        Long seed,
        String granularity,
        @JsonProperty("datePlacement") String datePlacement,
        Window window,
        Map<String, Allocation> allocations,
        List<Rate> rates,
        List<Override> overrides,
        Members members,
        @JsonProperty("holdOut") List<String> holdOut,
        List<String> sources,
        String rules) {

    public record Window(LocalDate from, LocalDate to) {
    }

    /**
     * @param model even or seeded-lognormal
     * @param sigma spread of the log-normal noise
     */
    public record Allocation(String model, Double sigma) {
    }

    /**
     * One dated rate: 1 {@code from} = {@code rate} {@code to}, a decimal string kept exact. {@code range}
     * ("1.90..2.05") declares what the rate may be besides the point a single run uses; an ensemble varying rates
     * draws each member's rate uniformly within it.
     */
    public record Rate(String table, String from, String to, LocalDate validFrom, LocalDate validTo, String rate,
                       String range, String citation, Boolean assumption) {
    }

    /** Exactly one of the fields is set: the what-if it asks. */
    public record Override(Ban ban, DuesFactor duesFactor, PreferClaim preferClaim, FoundingDate foundingDate) {
    }

    /** The section is banned from a date: it stops, and aid to its prisoners is weighted by {@code aidShift}. */
    public record Ban(String section, LocalDate from, Double aidShift) {
    }

    /** The section's collections are multiplied by the factor; the aid they fund follows. */
    public record DuesFactor(String section, String factor) {
    }

    /** Use a claim in place of its conflicting twin, e.g. the 62-affiliates reading of 1932. */
    public record PreferClaim(String use, String instead) {
    }

    /** Found a section on another date than the catalog's (for instance the text's date over the table's). */
    public record FoundingDate(String section, String date, String because) {
    }

    /**
     * @param events   target number of member-level dues events (the size knob)
     * @param perBatch dues lines per command (bounded by CollectDues.MAX_LINES)
     */
    public record Members(Long events, Integer perBatch) {
    }
}
