package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mopr.ledger.projection.compare.RunComparison;

import java.util.List;
import java.util.Map;

/**
 * The pages of the read endpoints that answer either a run's rows or, with {@code ensemble=}, an ensemble's bands,
 * for the OpenAPI description only: the controllers answer a {@link Listing}, whose generic type a oneOf cannot name.
 * The names are those springdoc gives a {@code Listing} of the row type, so a generated client keeps its models.
 */
final class ListingSchemas {

    private ListingSchemas() {
    }

    @Schema(name = "ListingIncomeRow", description = "Dues and donations of one run, one page")
    record Income(String run, Map<String, Object> summary, List<MoneyRows.IncomeRow> items, int limit, int offset,
                  boolean hasMore) {
    }

    @Schema(name = "ListingAidRow", description = "Aid of one run, one page")
    record Aid(String run, Map<String, Object> summary, List<MoneyRows.AidRow> items, int limit, int offset,
               boolean hasMore) {
    }

    @Schema(name = "ListingFlowRow", description = "Flows of one run, one page")
    record Flows(String run, Map<String, Object> summary, List<MoneyRows.FlowRow> items, int limit, int offset,
                 boolean hasMore) {
    }

    @Schema(name = "ListingBalanceRow", description = "Balances of one run, one page")
    record Balances(String run, Map<String, Object> summary, List<MoneyRows.BalanceRow> items, int limit, int offset,
                    boolean hasMore) {
    }

    @Schema(name = "ListingFigureChange", description = "Two runs compared: the figures that differ, one page")
    record Changes(String run, Map<String, Object> summary, List<RunComparison.FigureChange> items, int limit,
                   int offset, boolean hasMore) {
    }

    @Schema(name = "ListingDifferenceView", description = "Two ensembles compared, figure by figure, one page")
    record Differences(String run, Map<String, Object> summary, List<EnsembleViews.DifferenceView> items, int limit,
                       int offset, boolean hasMore) {
    }
}
