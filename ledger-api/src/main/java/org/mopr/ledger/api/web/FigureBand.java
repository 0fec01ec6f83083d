package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * One figure of a read endpoint asked with {@code ensemble=}: the figure's band across the ensemble's members (p5,
 * p50, p95, min, max) with its origin, and what the figure is about in the endpoint's own terms (section, kind,
 * country, accounts, scope, period). Money values are Money objects, counts plain integers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FigureBand", description = "A figure's band across an ensemble's members, with its origin")
public record FigureBand(
        @Schema(description = "The ensemble's figure key", example = "aid/PL/XRG/1924") String figure,
        @Schema(description = "aid, income, flow, balance, membership or sections", example = "aid") String family,
        @Schema(description = "The most modelled origin of what went into the figure in any member",
                example = "SIMULATED") String origin,
        @Schema(description = "Whether the figure is modelled (every origin but DOCUMENTED)") boolean modelled,
        @Schema(description = "money, members or sections", example = "money") String unit,
        @Schema(description = "The section (income)", example = "SU") String section,
        @Schema(description = "DUES or DONATION (income)", example = "DUES") String kind,
        @Schema(description = "The country aid went to (aid)", example = "PL") String country,
        @Schema(description = "The paying section or fund as a whole (flows)", example = "section/SU") String fromAccount,
        @Schema(description = "The receiving fund or country's aid as a whole (flows)", example = "fund/central")
        String toAccount,
        @Schema(description = "The fund account (balances)", example = "fund/central") String account,
        @Schema(description = "The scope of a membership figure", example = "all") String scope,
        @Schema(description = "YYYY-MM (a month), YYYY (a year) or total", example = "1924") String period,
        @Schema(description = "5th percentile", oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p5,
        @Schema(description = "Median", oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p50,
        @Schema(description = "95th percentile", oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p95,
        @Schema(description = "Smallest member's value", oneOf = {MoneyJson.MoneyView.class, Long.class}) Object min,
        @Schema(description = "Largest member's value", oneOf = {MoneyJson.MoneyView.class, Long.class}) Object max) {

    /** A read endpoint's answer with {@code ensemble=}, for the OpenAPI description (the controllers answer a Listing). */
    @Schema(name = "EnsembleBands", description = "The bands of the figures asked for, one page; summary names the "
            + "ensemble, its status, members done and whether its documented totals are exact in every member")
    record Page(Map<String, Object> summary, List<FigureBand> items, int limit, int offset, boolean hasMore) {
    }
}
