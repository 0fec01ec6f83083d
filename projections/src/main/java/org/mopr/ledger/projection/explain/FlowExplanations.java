package org.mopr.ledger.projection.explain;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Explanations the query service does not offer: a flow of money between two accounts (what the page's Sankey shows)
 * and the number of sections at a day. Both answer the same way as the service's own: parts by provenance, and a page
 * of the events.
 */
public final class FlowExplanations {

    private final JdbcTemplate jdbc;
    private final ExplainQueries explain;

    public FlowExplanations(JdbcTemplate jdbc, ExplainQueries explain) {
        this.jdbc = jdbc;
        this.explain = explain;
    }

    /**
     * Money that moved from {@code source} to {@code target} (exact accounts, or prefixes when they end with '/'):
     * the events with a credit to the one and a debit to the other in the same currency.
     */
    public Explanation flow(String run, String source, String target, LocalDate from, LocalDate to, Currency currency,
                            PageRequest page) {
        String runId = Args.run(run);
        List<Object> args = new ArrayList<>(List.of(runId, match(target), from, to));
        String byCurrency = "";
        if (currency != null) {
            byCurrency = " AND d.currency = ?";
            args.add(currency.code());
        }
        args.add(match(source));
        String moves = "SELECT d.global_index, d.posted_on, d.currency, d.amount_minor, d.provenance_id, d.event_type "
                + "FROM proj_journal d WHERE d.run_id = ? AND d.amount_minor > 0 AND d.account " + op(target) + " ? "
                + "AND d.posted_on BETWEEN ? AND ?" + byCurrency + " AND EXISTS (SELECT 1 FROM proj_journal c "
                + "WHERE c.run_id = d.run_id AND c.global_index = d.global_index AND c.amount_minor < 0 "
                + "AND c.currency = d.currency AND c.account " + op(source) + " ?)";
        List<Object[]> groups = jdbc.query("SELECT provenance_id, currency, count(*), sum(amount_minor) FROM (" + moves
                        + ") m GROUP BY provenance_id, currency ORDER BY count(*) DESC, provenance_id, currency LIMIT "
                        + (PageRequest.MAX_LIMIT + 1),
                (rs, n) -> new Object[]{rs.getObject(1, Long.class), rs.getString(2), rs.getLong(3), rs.getLong(4)},
                args.toArray());
        boolean complete = groups.size() <= PageRequest.MAX_LIMIT;
        List<Object[]> shown = complete ? groups : groups.subList(0, PageRequest.MAX_LIMIT);
        Page<Object[]> rows = Paged.query(jdbc, "SELECT m.global_index, e.aggregate_id, e.sequence_number, m.event_type, "
                        + "m.posted_on, m.currency, m.amount_minor, m.provenance_id FROM (" + moves + ") m "
                        + "JOIN proj_event e ON e.run_id = ? AND e.global_index = m.global_index ORDER BY m.global_index",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getObject(8, Long.class)},
                page, withRun(args, runId));
        List<Long> ids = new ArrayList<>();
        shown.forEach(g -> ids.add((Long) g[0]));
        rows.items().forEach(r -> ids.add((Long) r[7]));
        Map<Long, ProvenanceView> provenance = provenances(runId, ids);
        List<Explanation.Contribution> parts = shown.stream().map(g -> new Explanation.Contribution(
                provenance.get((Long) g[0]), (Long) g[2], new Money((Long) g[3], Currency.of((String) g[1])))).toList();
        Page<ExplainedEvent> events = rows.map(r -> new ExplainedEvent((Long) r[0], (String) r[1], (Long) r[2],
                (String) r[3], (LocalDate) r[4], new Money((Long) r[6], Currency.of((String) r[5])), provenance.get((Long) r[7])));
        return new Explanation("money from " + source + " to " + target + " from " + from + " to " + to
                + (currency == null ? "" : " (" + currency + ")"), parts, complete, events);
    }

    /** The sections in existence on a day: the founding events behind the count. */
    public Explanation sections(String run, LocalDate day, PageRequest page) {
        String runId = Args.run(run);
        String existing = "FROM proj_section s JOIN proj_event e ON e.run_id = s.run_id AND e.global_index = s.founded_index "
                + "WHERE s.run_id = ? AND s.placed_on <= ? AND (s.dissolved_on IS NULL OR s.dissolved_on > ?)";
        List<Object[]> groups = jdbc.query("SELECT e.provenance_id, count(*) " + existing + " GROUP BY e.provenance_id "
                        + "ORDER BY count(*) DESC, e.provenance_id LIMIT " + (PageRequest.MAX_LIMIT + 1),
                (rs, n) -> new Object[]{rs.getObject(1, Long.class), rs.getLong(2)}, runId, day, day);
        boolean complete = groups.size() <= PageRequest.MAX_LIMIT;
        List<Object[]> shown = complete ? groups : groups.subList(0, PageRequest.MAX_LIMIT);
        Page<Object[]> rows = Paged.query(jdbc, "SELECT e.global_index, e.aggregate_id, e.sequence_number, e.event_type, "
                        + "s.placed_on, e.provenance_id " + existing + " ORDER BY s.placed_on, s.section_code",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, Long.class)}, page, runId, day, day);
        List<Long> ids = new ArrayList<>();
        shown.forEach(g -> ids.add((Long) g[0]));
        rows.items().forEach(r -> ids.add((Long) r[5]));
        Map<Long, ProvenanceView> provenance = provenances(runId, ids);
        List<Explanation.Contribution> parts = shown.stream().map(g -> new Explanation.Contribution(
                provenance.get((Long) g[0]), (Long) g[1], null)).toList();
        return new Explanation("sections in existence on " + day, parts, complete, rows.map(r -> new ExplainedEvent(
                (Long) r[0], (String) r[1], (Long) r[2], (String) r[3], (LocalDate) r[4], null, provenance.get((Long) r[5]))));
    }

    private static Object[] withRun(List<Object> args, String runId) {
        List<Object> all = new ArrayList<>(args);
        all.add(runId);
        return all.toArray();
    }

    /** A prefix (ending with '/') is matched with LIKE, its own wildcards escaped by Args; an account exactly. */
    private static String op(String account) {
        return account.endsWith("/") ? "LIKE" : "=";
    }

    private static String match(String account) {
        return account.endsWith("/") ? Args.accountPrefix(account) : account;
    }

    private Map<Long, ProvenanceView> provenances(String run, Collection<Long> ids) {
        return explain.provenances(run, ids);
    }
}
