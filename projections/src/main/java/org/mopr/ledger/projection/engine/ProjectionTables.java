package org.mopr.ledger.projection.engine;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Every projection table: what a replay drops, and what a comparison of two projections must compare. */
public final class ProjectionTables {

    /** Keep in step with the V2_* and V3_* migrations; ProjectionTablesTest fails if a proj_ table is missing here. */
    public static final List<String> ALL = List.of(
            "proj_provenance", "proj_event",
            "proj_section", "proj_membership", "proj_goods",
            "proj_journal", "proj_balance", "proj_account_month", "proj_flow_month", "proj_income_month", "proj_aid_month",
            "proj_organisation", "proj_governing_body", "proj_leadership", "proj_conference", "proj_conference_delegates",
            "proj_org_census", "proj_fund", "proj_exchange_rate", "proj_patronage",
            "proj_claim_aside");

    private ProjectionTables() {
    }

    /** Empties every projection, in the caller's transaction. */
    public static void truncateAll(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE " + String.join(", ", ALL));
    }

    /** Deletes one run's rows from every projection, in the caller's transaction. */
    public static void deleteRun(JdbcTemplate jdbc, String runId) {
        for (String table : ALL) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }
}
