package org.mopr.ledger.projection.export;

import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;

import java.util.ArrayList;
import java.util.List;

import static org.mopr.ledger.projection.export.Field.key;
import static org.mopr.ledger.projection.export.Field.origin;
import static org.mopr.ledger.projection.export.Field.text;

/**
 * An ensemble's tables: one band per figure (p5, p50, p95, min, max across its members, with origin and unit), its
 * members (each a run of its own) and each reconciliation line's share of members. Read from the ensemble's stored
 * rows (a few thousand bands at most, {@link EnsembleStore#MAX_BANDS}), so they are held in memory.
 */
public final class EnsembleTables {

    private static final String VALUE_UNIT = "minor units of the currency in column 'currency' (see currencyExponents) "
            + "where unit is money; else a count of the unit (members, sections)";

    private EnsembleTables() {
    }

    public static List<Table> of(EnsembleStore store, String ensembleId) {
        return List.of(bands(store, ensembleId), members(store, ensembleId), reconciliation(store, ensembleId));
    }

    static Table bands(EnsembleStore store, String id) {
        return Table.computed("ensemble_bands", "One row per figure of ensemble " + id + ": its band across the "
                        + "members (p5, p50, p95 by linear interpolation, rounded half-even to a whole minor unit or "
                        + "count; min; max), with its origin.", List.of(
                key("figure", FieldType.STRING, "The figure's key: aid/PL/XRG/1924, income/SU/DUES/XRG/1924-03, "
                        + "flow/section:SU/fund:central/XRG, balance/fund:central/XRG/1928-01, membership/ALL/1928-01, "
                        + "sections/1928"),
                text("family", "aid, income, flow, balance, membership or sections"),
                origin(),
                new Field("modelled", FieldType.BOOLEAN, "Whether the figure is modelled (every origin but DOCUMENTED)",
                        null, true),
                text("unit", "money, members or sections"),
                text("currency", "ISO 4217 code of a money figure (XRG: gold roubles); empty for counts"),
                Field.integer("exponent", null, "The currency's minor-unit exponent: a value / 10^exponent is in major units"),
                band("p5", "5th percentile"), band("p50", "Median"), band("p95", "95th percentile"),
                band("min", "Smallest member's value"), band("max", "Largest member's value")),
                List.of("figure"), List.of(), run -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (EnsembleStore.BandRow b : store.allBands(id)) {
                        rows.add(new Object[] {b.figure(), b.family(), b.origin(), b.modelled(),
                                b.currency() == null ? b.unit() : "money", b.currency(),
                                b.exponent() == null ? null : b.exponent().longValue(), b.p5(), b.p50(), b.p95(),
                                b.min(), b.max()});
                    }
                    return rows;
                });
    }

    private static Field band(String name, String description) {
        return new Field(name, FieldType.INTEGER, description, VALUE_UNIT, true);
    }

    static Table members(EnsembleStore store, String id) {
        return Table.computed("ensemble_members", "The members of ensemble " + id + ": each a run of its own in the "
                        + "store, with its seed and fingerprint.", List.of(
                key("member", FieldType.INTEGER, "The member's number, from 1"),
                key("run_id", FieldType.STRING, "The member's run"),
                Field.integer("seed", null, "The seed it drew with"),
                Field.integer("events", "events", "Events it stored"),
                text("fingerprint", "The fingerprint of its events"),
                new Field("conserved", FieldType.BOOLEAN, "Whether every documented total it spread matched to the "
                        + "minor unit (each CONSERVATION line of its reconciliation MATCH)", null, true)),
                List.of("member"), List.of(), run -> store.members(id).stream().map(m -> new Object[] {
                        (long) m.member(), m.runId(), m.seed(), m.events(), m.fingerprint(), m.conserved()}).toList());
    }

    static Table reconciliation(EnsembleStore store, String id) {
        return Table.computed("ensemble_reconciliation", "Each reconciliation line of ensemble " + id + " across its "
                        + "members: in how many it holds (MATCH), with its basis.", List.of(
                key("claim_id", FieldType.STRING, "The claim checked (claim#2 for its second line)"),
                text("basis", "ROUND_TRIP, CONSERVATION or INDEPENDENT: what a MATCH on it proves"),
                Field.integer("holds", "members", "Members in which it is MATCH"),
                Field.integer("members", "members", "Members that checked it"),
                text("share", "holds / members as a decimal"),
                text("statuses", "Each status with its count of members, STATUS:N comma-separated")),
                List.of("claim_id"), List.of(), run -> store.lines(id).stream().map(EnsembleTables::line).toList());
    }

    private static Object[] line(LineShares.Share s) {
        String share = s.members() == 0 ? null : new java.math.BigDecimal(s.holds())
                .divide(java.math.BigDecimal.valueOf(s.members()), 4, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return new Object[] {s.claimId(), s.basis(), (long) s.holds(), (long) s.members(), share, s.statuses()};
    }
}
