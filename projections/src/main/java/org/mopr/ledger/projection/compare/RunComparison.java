package org.mopr.ledger.projection.compare;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two runs, figure by figure (aid by country, income by section, balances, sections,
 * censuses, patronage, conferences), and which reconciliation lines change status or figure. Figures are
 * read from the read models of both runs, so any two runs compare, whatever scenarios made them.
 */
public final class RunComparison {

    /** A figure as a key ("aid/IT/USD") and its value in each run; null where a run has none. */
    public record FigureChange(String figure, String a, String b, String difference) {
    }

    public record ReconciliationChange(String claimId, String statusA, String statusB, String actualA, String actualB) {
    }

    public record Comparison(String runA, String runB, List<FigureChange> figures,
                             List<ReconciliationChange> reconciliation, int figuresCompared) {
    }

    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("aid", "SELECT 'aid/' || country || '/' || currency, SUM(amount_minor)::text FROM proj_aid_month "
                + "WHERE run_id = ? GROUP BY country, currency");
        FIGURES.put("income", "SELECT 'income/' || section_code || '/' || kind || '/' || currency, SUM(amount_minor)::text "
                + "FROM proj_income_month WHERE run_id = ? GROUP BY section_code, kind, currency");
        FIGURES.put("balance", "SELECT 'balance/' || account || '/' || currency, balance_minor::text FROM proj_balance "
                + "WHERE run_id = ?");
        FIGURES.put("section", "SELECT 'section/' || section_code, placed_on::text || COALESCE(' dissolved ' || dissolved_on "
                + "|| ' ' || dissolution_reason, '') FROM proj_section WHERE run_id = ?");
        FIGURES.put("census", "SELECT 'census/' || scope || '/' || as_of, COALESCE(members::text, '-') || ' members, ' "
                + "|| COALESCE(sections::text, '-') || ' sections' FROM proj_org_census WHERE run_id = ? AND origin <> 'SIMULATED'");
        FIGURES.put("patronage", "SELECT 'patronage/' || city_key || ':' || prison_country, placed_on::text FROM proj_patronage "
                + "WHERE run_id = ?");
        FIGURES.put("conference", "SELECT 'conference/' || conference_key, placed_on::text || ' ' || COALESCE(delegates::text, '') "
                + "FROM proj_conference WHERE run_id = ?");
        FIGURES.put("goods", "SELECT 'goods/' || section_code || '/' || goods || '/' || unit, SUM(quantity)::text FROM proj_goods "
                + "WHERE run_id = ? GROUP BY section_code, goods, unit");
    }

    private final JdbcTemplate jdbc;
    private final Reconciler reconciler;

    public RunComparison(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.reconciler = new Reconciler(jdbc, catalog);
    }

    public Comparison compare(String runA, String runB) {
        Map<String, String> a = figures(runA);
        Map<String, String> b = figures(runB);
        List<FigureChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            String va = a.get(key);
            String vb = b.get(key);
            if (!Objects.equals(va, vb)) {
                changes.add(new FigureChange(key, va, vb, difference(va, vb)));
            }
        }
        return new Comparison(runA, runB, changes, reconciliationChanges(reconciler.reconcile(runA),
                reconciler.reconcile(runB)), keys.size());
    }

    private Map<String, String> figures(String run) {
        Map<String, String> figures = new TreeMap<>();
        for (String sql : FIGURES.values()) {
            jdbc.query(sql, rs -> {
                figures.put(rs.getString(1), rs.getString(2));
            }, run);
        }
        return figures;
    }

    private static List<ReconciliationChange> reconciliationChanges(Reconciliation a, Reconciliation b) {
        Map<String, Line> byId = new LinkedHashMap<>();
        b.lines().forEach(l -> byId.put(l.claimId(), l));
        List<ReconciliationChange> changes = new ArrayList<>();
        for (Line la : a.lines()) {
            Line lb = byId.get(la.claimId());
            if (lb == null || la.status() != lb.status() || !Objects.equals(la.actual(), lb.actual())) {
                changes.add(new ReconciliationChange(la.claimId(), la.status().name(), lb == null ? null : lb.status().name(),
                        la.actual(), lb == null ? null : lb.actual()));
            }
        }
        return changes;
    }

    /** b - a where both are whole numbers (minor units, counts); otherwise none. */
    private static String difference(String a, String b) {
        try {
            return String.valueOf(Long.parseLong(b == null ? "0" : b) - Long.parseLong(a == null ? "0" : a));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
