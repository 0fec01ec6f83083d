package org.mopr.ledger.projection.export;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimValue;
import org.mopr.ledger.catalog.Conflict;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.mopr.ledger.projection.export.Field.date;
import static org.mopr.ledger.projection.export.Field.key;
import static org.mopr.ledger.projection.export.Field.text;

/**
 * The tables computed in Java: the claims of the catalog with their quotes and flags, the conflicts between them,
 * and the run's reconciliation. Figures of claims are decimals as the sources give them, kept as text so no
 * reader turns them into floats.
 */
public final class CatalogTables {

    private CatalogTables() {
    }

    public static Table claims(Catalog catalog) {
        return Table.computed("claims", "Every claim of the catalog: what a source says, with its quote and flags.", List.of(
                key("claim_id", FieldType.STRING, "The claim's id"),
                text("subject", "What it is about"),
                text("kind", "What kind of figure or fact it states"),
                text("statement", "The claim in words"),
                text("value_type", "EXACT, APPROXIMATE, RANGE, BOUND or UNSTATED"),
                text("value", "The figure as a decimal (in major units for money), for EXACT, APPROXIMATE, BOUND"),
                text("low", "Lower figure of a RANGE"),
                text("high", "Upper figure of a RANGE"),
                text("bound_side", "AT_LEAST, AT_MOST, MORE_THAN or LESS_THAN for a BOUND"),
                text("unit", "Unit of the figure"),
                text("currency", "ISO 4217 code of a money figure"),
                text("date_as_written", "The date as the source gives it"),
                text("date_precision", "DAY, MONTH, YEAR, INTERVAL, BEFORE, AFTER or UNKNOWN"),
                date("date_earliest", "Earliest day the date allows"),
                date("date_latest", "Latest day the date allows"),
                text("scope", "Where it applies"),
                text("source", "The source"),
                text("quote", "The passage quoted"),
                text("confidence", "How far it is trusted"),
                text("flags", "DISPUTED, UNCERTAIN, APPROXIMATE, INFERRED, space-separated"),
                text("conflicts_with", "Claims it contradicts, space-separated"),
                text("out_of_scope", "Why the ledger leaves it out, if it does")),
                List.of("claim_id"), List.of(), run -> catalog.claims().stream().map(CatalogTables::claim).toList());
    }

    private static Object[] claim(Claim c) {
        ClaimValue v = c.value();
        return new Object[] {c.id(), str(c.subject()), str(c.kind()), c.statement(),
                v == null ? null : str(v.type()), v == null ? null : plain(v.amount()),
                v == null ? null : plain(v.low()), v == null ? null : plain(v.high()), v == null ? null : str(v.side()),
                c.unit(), str(c.currency()),
                c.dateText() != null ? c.dateText() : str(c.date()), c.date() == null ? null : str(c.date().precision()),
                c.date() == null ? null : str(c.date().earliest()), c.date() == null ? null : str(c.date().latest()),
                str(c.scope()), c.citation() == null ? null : c.citation().source(),
                c.citation() == null ? null : c.citation().quote(), str(c.confidence()),
                c.flags().stream().map(Enum::name).collect(Collectors.joining(" ")),
                String.join(" ", c.conflictsWith()), c.outOfScope()};
    }

    public static Table conflicts(Catalog catalog) {
        return Table.computed("conflicts", "Pairs of claims that disagree, and how.", List.of(
                key("first_claim_id", FieldType.STRING, "One claim"),
                key("second_claim_id", FieldType.STRING, "The other"),
                text("type", "CONTRADICTION (the passages disagree) or UNEXPLAINED_COUNT"),
                text("note", "What the disagreement is")),
                List.of("first_claim_id", "second_claim_id"),
                List.of(new Table.ForeignKey(List.of("first_claim_id"), "claims", List.of("claim_id"))),
                run -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Conflict c : catalog.conflicts()) {
                        rows.add(new Object[] {c.first(), c.second(), str(c.type()), c.note()});
                    }
                    return rows;
                });
    }

    public static Table reconciliation(Function<String, Reconciliation> reconcile) {
        return Table.computed("reconciliation", "Every documented claim checked against the run's projections.", List.of(
                key("claim_id", FieldType.STRING, "The claim checked"),
                text("check", "What was compared"),
                text("status", "MATCH, MISMATCH, CONFLICT, INCOMPLETE or UNCHECKABLE"),
                text("basis", "What a MATCH can prove: ROUND_TRIP (the claim went into the events checked), "
                        + "CONSERVATION (a total checked against the parts spread from it) or INDEPENDENT (evidence "
                        + "about the record)"),
                text("computed", "What the ledger's own comparison gave, kept beside a CONFLICT flag"),
                text("expected", "What the claim says"),
                text("actual", "What the run has"),
                text("difference", "actual minus expected, where both are figures"),
                text("relative_error", "|difference| / |expected| as a decimal, where both are figures"),
                text("reason", "Why it is not a match, or why it cannot be checked"),
                text("sources", "The sources cited, separated by ' | '"),
                text("conflicts_with", "Claims it contradicts, space-separated")),
                List.of("claim_id", "check"), List.of(), run -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (Line l : reconcile.apply(run).lines()) {
                        rows.add(new Object[] {l.claimId(), l.check(), str(l.status()), str(l.basis()),
                                str(l.computed()), l.expected(), l.actual(), l.difference(), l.relativeError(), l.reason(),
                                l.citations().stream().map(Line.Citation::source).distinct()
                                        .collect(Collectors.joining(" | ")),
                                String.join(" ", l.conflictsWith())});
                    }
                    return rows;
                });
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
