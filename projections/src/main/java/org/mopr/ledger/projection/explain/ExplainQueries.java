package org.mopr.ledger.projection.explain;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.income.IncomeKind;
import org.mopr.ledger.projection.query.Args;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Paged;
import org.mopr.ledger.projection.section.MembershipPoint;
import org.mopr.ledger.projection.section.MembershipQueries;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Explain": the events and claims behind a projected figure. Money figures are traced through the journal (the
 * postings that make them), other figures through the event that stated them.
 */
public final class ExplainQueries {

    private static final String JOURNAL_WHERE = " WHERE j.run_id = ? AND j.account = ? AND j.currency = ? "
            + "AND j.posted_on BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;
    private final MembershipQueries membership;

    public ExplainQueries(JdbcTemplate jdbc, MembershipQueries membership) {
        this.jdbc = jdbc;
        this.membership = membership;
    }

    /** A section's dues (or donations) in one month and currency: the postings to its members' (donors') account. */
    public Explanation income(String run, String section, IncomeKind kind, YearMonth month, Currency currency,
                              PageRequest page) {
        Args.required("kind", kind);
        Args.required("month", month);
        String account = "section/" + Args.section(section) + (kind == IncomeKind.DUES ? "/members" : "/donors");
        // Income accounts are credited: the figure is the negated sum of their postings.
        return journal(Args.run(run), kind + " of section " + section + " in " + month + " (" + currency + ")", account,
                Args.required("currency", currency), month.atDay(1), month.atEndOfMonth(), -1, page);
    }

    /** An account's balance in a currency as of a day: every posting to it up to that day. */
    public Explanation balance(String run, String account, Currency currency, LocalDate asOf, PageRequest page) {
        Args.required("asOf", asOf);
        return journal(Args.run(run), "balance of " + Args.required("account", account) + " in " + currency + " on " + asOf,
                account, Args.required("currency", currency), LocalDate.of(1, 1, 1), asOf, 1, page);
    }

    /** A section's membership as of a day: the census or interpolated point it rests on, and that event's claims. */
    public Optional<Explanation> membership(String run, String section, LocalDate date) {
        Optional<MembershipPoint> point = membership.sectionAt(run, section, date);
        return point.map(p -> {
            ExplainedEvent event = event(run, p.globalIndex()).orElseThrow(() -> new IllegalStateException(
                    "membership point #" + p.globalIndex() + " of run " + run + " has no projected event"));
            List<Explanation.Contribution> parts = event.provenance() == null ? List.of()
                    : List.of(new Explanation.Contribution(event.provenance(), 1, null));
            return new Explanation("membership of section " + section + " on " + date + ": " + p.members() + " ("
                    + p.kind() + " of " + p.asOf() + ")", parts, true, new Page<>(List.of(event), 1, 0, false));
        });
    }

    /** One event by its global index, with its claims. */
    public Optional<ExplainedEvent> event(String run, long globalIndex) {
        String runId = Args.run(run);
        List<Object[]> rows = jdbc.query("SELECT global_index, aggregate_id, sequence_number, event_type, provenance_id "
                        + "FROM proj_event WHERE run_id = ? AND global_index = ?",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, Long.class)}, runId, globalIndex);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Map<Long, ProvenanceView> provenance = provenances(runId, r[4] == null ? List.of() : List.of((Long) r[4]));
        return Optional.of(new ExplainedEvent((Long) r[0], (String) r[1], (Long) r[2], (String) r[3], null, null,
                provenance.get((Long) r[4])));
    }

    private Explanation journal(String run, String figure, String account, Currency currency, LocalDate from,
                                LocalDate to, int sign, PageRequest page) {
        Object[] args = {run, account, currency.code(), from, to};
        List<Object[]> groups = jdbc.query("SELECT j.provenance_id, count(*), sum(j.amount_minor) FROM proj_journal j"
                        + JOURNAL_WHERE
                        + " GROUP BY j.provenance_id ORDER BY count(*) DESC, j.provenance_id LIMIT " + (PageRequest.MAX_LIMIT + 1),
                (rs, n) -> new Object[]{rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3)}, args);
        boolean complete = groups.size() <= PageRequest.MAX_LIMIT;
        List<Object[]> shown = complete ? groups : groups.subList(0, PageRequest.MAX_LIMIT);
        List<Long> ids = shown.stream().map(g -> (Long) g[0]).filter(id -> id != null).toList();
        Map<Long, ProvenanceView> provenance = provenances(run, ids);
        List<Explanation.Contribution> parts = new ArrayList<>();
        for (Object[] g : shown) {
            parts.add(new Explanation.Contribution(provenance.get((Long) g[0]), (Long) g[1],
                    new Money(sign * (Long) g[2], currency)));
        }
        List<Object> pageArgs = new ArrayList<>(Arrays.asList(args));
        Page<ExplainedEvent> events = Paged.query(jdbc, "SELECT j.global_index, e.aggregate_id, e.sequence_number, "
                        + "j.event_type, j.posted_on, j.amount_minor, j.provenance_id FROM proj_journal j "
                        + "JOIN proj_event e ON e.run_id = j.run_id AND e.global_index = j.global_index" + JOURNAL_WHERE
                        + " ORDER BY j.global_index, j.leg",
                (rs, n) -> new ExplainedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), new Money(sign * rs.getLong(6), currency),
                        provenance.get(rs.getObject(7, Long.class))), page, pageArgs.toArray());
        // Provenances of events on this page that the (truncated) summary did not load.
        return new Explanation(figure, parts, complete, complete ? events : events.map(e -> e.provenance() != null ? e
                : withProvenance(run, e)));
    }

    private ExplainedEvent withProvenance(String run, ExplainedEvent e) {
        return event(run, e.globalIndex()).map(full -> new ExplainedEvent(e.globalIndex(), e.aggregateId(),
                e.sequenceNumber(), e.eventType(), e.on(), e.amount(), full.provenance())).orElse(e);
    }

    /** The provenances of the given ids (nulls and repeats ignored), one query; for explanations built elsewhere too. */
    public Map<Long, ProvenanceView> provenances(String run, Collection<Long> requested) {
        List<Long> ids = requested.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, ProvenanceView> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT provenance_id, origin, claim_ids, rule, parameters, seed, placement "
                    + "FROM proj_provenance WHERE run_id = ? AND provenance_id = ANY (?)");
            ps.setString(1, run);
            ps.setArray(2, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            Array claims = rs.getArray(3);
            byId.put(rs.getLong(1), new ProvenanceView(rs.getLong(1), rs.getString(2),
                    List.of((String[]) claims.getArray()), rs.getString(4), rs.getString(5),
                    rs.getObject(6, Long.class), rs.getString(7)));
        });
        return byId;
    }
}
