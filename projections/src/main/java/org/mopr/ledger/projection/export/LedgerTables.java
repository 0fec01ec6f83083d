package org.mopr.ledger.projection.export;

import org.mopr.ledger.projection.export.Table.ForeignKey;

import java.util.List;

import static org.mopr.ledger.projection.export.Field.currency;
import static org.mopr.ledger.projection.export.Field.date;
import static org.mopr.ledger.projection.export.Field.integer;
import static org.mopr.ledger.projection.export.Field.key;
import static org.mopr.ledger.projection.export.Field.money;
import static org.mopr.ledger.projection.export.Field.origin;
import static org.mopr.ledger.projection.export.Field.text;

/**
 * The tables read from the database: the events (from the event store itself) and the projections. Series are
 * recomputed from the journal grouped by origin as well, so every row says whether its money is documented,
 * derived, simulated or assumed (the API's series add origins together); their sums over origins are the API's.
 */
public final class LedgerTables {

    private LedgerTables() {
    }

    private static final ForeignKey TO_EVENT = new ForeignKey(List.of("global_index"), "events", List.of("global_index"));

    /**
     * The one event query, also what the export benchmark hands to COPY. Each payload is parsed once: without the
     * {@code OFFSET 0} fences the planner inlines the lateral expressions into every use, parsing the JSON twenty
     * times a row (a 50-fold slowdown measured on a million events).
     */
    public static final String EVENTS_SQL = """
            SELECT e.globalindex, e.timestamp, regexp_replace(e.payloadtype, '^.*\\.', ''), e.aggregateidentifier,
                   e.sequencenumber, j->'provenance'->>'origin',
                   replace(translate((j->'provenance'->'claims')::text, '[]"', ''), ', ', ' '),
                   j->'provenance'->>'rule', (j->'provenance'->>'seed')::bigint, j->'provenance'->>'placement',
                   w, CASE WHEN w ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN 'DAY' WHEN w ~ '^\\d{4}-\\d{2}$' THEN 'MONTH'
                           WHEN w ~ '^\\d{4}$' THEN 'YEAR' WHEN w LIKE 'before %' THEN 'BEFORE'
                           WHEN w LIKE 'after %' THEN 'AFTER' WHEN w LIKE '%/%' THEN 'INTERVAL'
                           WHEN w IS NULL THEN NULL ELSE 'UNKNOWN' END,
                   d, (j->'amount'->>'minor')::bigint, j->'amount'->>'currency',
                   (j->'quantity'->>'amount')::bigint, j->'quantity'->>'unit'
            FROM proj_event pe
            JOIN domainevententry e ON e.globalindex = pe.global_index
            CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS j OFFSET 0) p
            CROSS JOIN LATERAL (SELECT coalesce(j->>'placedOn', j->>'paidOn', j->>'remittedOn', j->>'receivedOn',
                   j->>'sentOn', j->>'openedOn', j->>'postedOn', j->>'asOf', j->>'on', j->>'validFrom') AS d OFFSET 0) pd
            CROSS JOIN LATERAL (SELECT coalesce(j->>'founded', j->>'term', j->>'date', j->>'dates', j->>'period', d) AS w OFFSET 0) pw
            WHERE pe.run_id = ?
            ORDER BY pe.global_index""";

    public static Table events() {
        return Table.query("events", "One row per event of the run, in the order the store holds them.", List.of(
                key("global_index", FieldType.INTEGER, "The event's position in the store (unique, increasing)"),
                new Field("stored_at", FieldType.DATETIME, "When the event was stored (UTC): the run's time, not history's", null, true),
                key("event_type", FieldType.STRING, "The event's type, e.g. DuesCollected"),
                key("aggregate_id", FieldType.STRING, "The aggregate it belongs to: run/kind/key"),
                integer("sequence_number", null, "Its position within the aggregate"),
                origin(),
                text("claim_ids", "The catalog claims it comes from, space-separated"),
                text("model", "The rule or model that made or placed it (empty for a documented fact)"),
                integer("seed", null, "The random seed of a simulated event"),
                text("placement", "How a day was chosen within an imprecise date (start, middle, end)"),
                text("date_as_written", "The date as the source gives it (1923, 1923-06, 1923/1924, before 1933)"),
                text("date_precision", "DAY, MONTH, YEAR, INTERVAL, BEFORE, AFTER or UNKNOWN"),
                date("event_date", "The day the ledger places the event on"),
                money("amount_minor", "The amount moved, for a money event"),
                text("currency", "ISO 4217 code of amount_minor (XRG: gold roubles)"),
                integer("quantity", "the unit in column 'unit'", "Goods given, for a gift in kind"),
                text("unit", "Unit of quantity")),
                List.of("global_index"), List.of(), EVENTS_SQL);
    }

    public static Table journal() {
        return Table.query("journal", "One row per posting of the double-entry journal; each event's postings, and "
                        + "each currency's, sum to zero.", List.of(
                key("global_index", FieldType.INTEGER, "The event that posted it"),
                key("leg", FieldType.INTEGER, "The posting's place within its event"),
                date("posted_on", "The day it is booked on"),
                key("account", FieldType.STRING, "The account, e.g. section/SU/fund, fund/central, aid/PL/unspecified"),
                currency(),
                money("amount_minor", "Signed: positive is a debit, negative a credit"),
                money("debit_minor", "The debit (0 for a credit)"),
                money("credit_minor", "The credit as a positive amount (0 for a debit)"),
                text("event_type", "The posting event's type"),
                origin()),
                List.of("global_index", "leg"), List.of(TO_EVENT), """
                SELECT global_index, leg, posted_on, account, currency, amount_minor,
                       greatest(amount_minor, 0), greatest(-amount_minor, 0), event_type, origin
                FROM proj_journal WHERE run_id = ? ORDER BY global_index, leg""");
    }

    public static Table membership() {
        return Table.query("membership", "Membership points: censuses of a section or of the whole organisation, and "
                        + "the interpolated points between them.", List.of(
                key("global_index", FieldType.INTEGER, "The event that reported it"),
                key("scope", FieldType.STRING, "A section code, or ALL / OUTSIDE_USSR for the organisation"),
                date("as_of", "The day the figure is for"),
                integer("members", "members", "Members"),
                text("kind", "CENSUS (a reported figure) or INTERPOLATED (between two censuses)"),
                origin()),
                List.of("global_index"), List.of(TO_EVENT), """
                SELECT global_index, section_code, as_of, members, kind, origin FROM proj_membership WHERE run_id = ?
                UNION ALL
                SELECT global_index, scope, as_of, members, 'CENSUS', origin FROM proj_org_census
                WHERE run_id = ? AND members IS NOT NULL
                ORDER BY 1""");
    }

    public static Table sections() {
        return Table.query("sections", "The national sections: founding as written and as placed, dissolution.", List.of(
                key("section_code", FieldType.STRING, "The section's code"),
                text("name", "Its name"),
                text("founded_as_written", "The founding date as the source gives it"),
                text("founded_precision", "DAY, MONTH, YEAR, INTERVAL, BEFORE, AFTER or UNKNOWN"),
                date("founded_earliest", "Earliest day the founding date allows"),
                date("founded_latest", "Latest day the founding date allows"),
                date("placed_on", "The day the ledger places the founding on"),
                text("placement", "How that day was chosen"),
                text("currencies", "Currencies it keeps accounts in"),
                date("dissolved_on", "Day of dissolution, if any"),
                text("dissolution_reason", "Why it ended"),
                origin(),
                integer("founded_index", null, "The founding event")),
                List.of("section_code"), List.of(new ForeignKey(List.of("founded_index"), "events", List.of("global_index"))), """
                SELECT s.section_code, s.name, s.founded_text, s.founded_precision, s.founded_earliest, s.founded_latest,
                       s.placed_on, s.placement, s.currencies, s.dissolved_on, s.dissolution_reason, e.origin,
                       s.founded_index
                FROM proj_section s
                LEFT JOIN proj_event e ON e.run_id = s.run_id AND e.global_index = s.founded_index
                WHERE s.run_id = ? ORDER BY s.section_code""");
    }

    public static Table income() {
        return Table.query("income", "Dues and donations received by each section, per month, currency and origin.",
                List.of(
                        key("section_code", FieldType.STRING, "The receiving section"),
                        key("kind", FieldType.STRING, "DUES or DONATION"),
                        currency(),
                        new Field("month", FieldType.DATE, "First day of the month", null, true),
                        new Field("origin", FieldType.STRING, origin().description(), null, true),
                        money("amount_minor", "Received in the month"),
                        integer("entries", "events", "Events added up")),
                List.of("section_code", "kind", "currency", "month", "origin"), List.of(), """
                SELECT split_part(account, '/', 2),
                       CASE event_type WHEN 'DuesCollected' THEN 'DUES' ELSE 'DONATION' END,
                       currency, date_trunc('month', posted_on)::date, coalesce(origin, 'UNKNOWN'),
                       sum(amount_minor), count(*)
                FROM proj_journal
                WHERE run_id = ? AND event_type IN ('DuesCollected', 'DonationReceived') AND amount_minor > 0
                GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""");
    }

    /**
     * Flows of funds: within an event and a currency, credits are matched to debits in posting order (as the
     * projection does), so a flow is "from the credited account to the debited one".
     */
    static final String FLOWS = """
            WITH l AS (SELECT global_index, leg, posted_on, account, currency, amount_minor, origin
                       FROM proj_journal WHERE run_id = ?),
            d AS (SELECT *, sum(amount_minor) OVER w - amount_minor AS lo, sum(amount_minor) OVER w AS hi
                  FROM l WHERE amount_minor > 0 WINDOW w AS (PARTITION BY global_index, currency ORDER BY leg)),
            c AS (SELECT *, sum(-amount_minor) OVER w + amount_minor AS lo, sum(-amount_minor) OVER w AS hi
                  FROM l WHERE amount_minor < 0 WINDOW w AS (PARTITION BY global_index, currency ORDER BY leg)),
            f AS (SELECT c.account AS from_account, d.account AS to_account, d.currency,
                         date_trunc('month', d.posted_on)::date AS month, coalesce(d.origin, 'UNKNOWN') AS origin,
                         least(c.hi, d.hi) - greatest(c.lo, d.lo) AS amount
                  FROM d JOIN c ON c.global_index = d.global_index AND c.currency = d.currency
                  AND least(c.hi, d.hi) > greatest(c.lo, d.lo))
            """;

    public static Table flows() {
        return Table.query("flows", "Money moved from one account to another, per month, currency and origin.", List.of(
                key("from_account", FieldType.STRING, "The account credited"),
                key("to_account", FieldType.STRING, "The account debited"),
                currency(),
                new Field("month", FieldType.DATE, "First day of the month", null, true),
                new Field("origin", FieldType.STRING, origin().description(), null, true),
                money("amount_minor", "Moved in the month"),
                integer("movements", "postings matched", "Movements added up")),
                List.of("from_account", "to_account", "currency", "month", "origin"), List.of(), FLOWS + """
                SELECT from_account, to_account, currency, month, origin, sum(amount), count(*)
                FROM f GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""");
    }

    public static Table aid() {
        return Table.query("aid", "Aid paid out, per paying account, country, purpose, month, currency and origin.", List.of(
                key("from_account", FieldType.STRING, "The paying account"),
                key("country", FieldType.STRING, "The country aided"),
                key("purpose", FieldType.STRING, "What the aid was for"),
                currency(),
                new Field("month", FieldType.DATE, "First day of the month", null, true),
                new Field("origin", FieldType.STRING, origin().description(), null, true),
                money("amount_minor", "Paid in the month"),
                integer("entries", "postings matched", "Payments added up")),
                List.of("from_account", "country", "purpose", "currency", "month", "origin"), List.of(), FLOWS + """
                SELECT from_account, split_part(to_account, '/', 2), upper(split_part(to_account, '/', 3)), currency,
                       month, origin, sum(amount), count(*)
                FROM f WHERE to_account LIKE 'aid/%' GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6""");
    }

    public static Table balances() {
        return Table.query("balances", "Each account's balance at the end of the run, per currency and origin.", List.of(
                key("account", FieldType.STRING, "The account"),
                currency(),
                new Field("origin", FieldType.STRING, origin().description(), null, true),
                money("balance_minor", "Debits minus credits"),
                integer("postings", "postings", "Postings added up")),
                List.of("account", "currency", "origin"), List.of(), """
                SELECT account, currency, coalesce(origin, 'UNKNOWN'), sum(amount_minor), count(*)
                FROM proj_journal WHERE run_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""");
    }

    public static Table rates() {
        return Table.query("rates", "The exchange rates the run declares: 1 unit of from_currency is numerator/denominator "
                        + "units of to_currency within the validity.",
                List.of(
                        key("global_index", FieldType.INTEGER, "The declaring event"),
                        key("rate_table", FieldType.STRING, "The named table the rate belongs to"),
                        key("from_currency", FieldType.STRING, "ISO 4217 code"),
                        key("to_currency", FieldType.STRING, "ISO 4217 code"),
                        date("valid_from", "First day of validity"),
                        date("valid_to", "Last day of validity"),
                        integer("numerator", null, "The rate is numerator/denominator (exact, never a float)"),
                        integer("denominator", null, "The rate is numerator/denominator"),
                        text("citation", "The source of a documented rate"),
                        new Field("assumption", FieldType.BOOLEAN, "Whether the scenario assumes it", null, true),
                        origin()),
                List.of("global_index"), List.of(TO_EVENT), """
                SELECT r.global_index, r.rate_table, r.from_currency, r.to_currency, r.valid_from, r.valid_to,
                       r.numerator, r.denominator, r.citation, r.assumption, e.origin
                FROM proj_exchange_rate r
                LEFT JOIN proj_event e ON e.run_id = r.run_id AND e.global_index = r.global_index
                WHERE r.run_id = ? ORDER BY r.global_index""");
    }

    /** Every table read from the database, events first. */
    public static List<Table> all() {
        return List.of(events(), journal(), membership(), sections(), income(), aid(), flows(), balances(), rates());
    }
}
