package org.mopr.ledger.api.reconcile;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.projection.reconciliation.FoldedRunFacts;
import org.mopr.ledger.projection.reconciliation.HoldOuts;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hold-outs: a scenario compiled without some claims and folded in memory (no command sent, no row written), then
 * each held-out claim checked against what the rest of the record gives. Leave-one-out does it for every claim of a
 * kind, one compile per claim.
 */
@Service
public class HoldOutService {

    /** The kinds leave-one-out takes: figures and dates a run can predict. */
    public static final Set<ClaimKind> KINDS = Set.of(ClaimKind.COUNT, ClaimKind.MONEY, ClaimKind.DATE);

    public record Folded(CompiledScenario compiled, Reconciliation reconciliation, List<Line> heldOut) {
    }

    private final Catalog catalog;
    private final Reconciler reconciler;
    private final JdbcTemplate jdbc;

    public HoldOutService(Catalog catalog, JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.reconciler = new Reconciler(jdbc, catalog);
    }

    /** Compiles without the claims (the scenario's holdOut and these), folds the plan and checks the held-out claims. */
    public Folded fold(ScenarioSource source, Long seed, List<String> holdOut) {
        CompiledScenario compiled = ScenarioCompiler.compile(source, seed, catalog, holdOut);
        String label = compiled.settings().name().endsWith("-holdout") ? compiled.settings().name()
                : compiled.settings().name() + "-holdout";
        FoldedRunFacts facts = new FoldedRunFacts(label, compiled.commands().apply(RunId.of(label)));
        Reconciliation r = reconciler.reconcile(facts);
        return new Folded(compiled, r, HoldOuts.lines(r, compiled.settings().holdOut()));
    }

    /** The scenario a stored run was made from, as it was written. */
    public ScenarioSource scenarioOf(String runId) {
        List<String[]> found = jdbc.query("SELECT scenario, scenario_text FROM ledger_run WHERE run_id = ?",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, runId);
        if (found.isEmpty()) {
            throw new DomainException("unknown run '" + runId + "'");
        }
        return new ScenarioSource(found.get(0)[0] + ".yaml", found.get(0)[1]);
    }

    public static ClaimKind kind(String text) {
        try {
            ClaimKind kind = ClaimKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
            if (KINDS.contains(kind)) {
                return kind;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // named below
        }
        throw new DomainException("unknown --leave-one-out kind '" + text + "': use COUNT, MONEY or DATE");
    }

    /**
     * Every in-scope claim of the kind held out in turn from the run's scenario. A claim the ledger cannot check even
     * with it (no events of that kind) is not compiled: it stays UNCHECKABLE with the full run's reason.
     */
    public List<Line> leaveOneOut(String runId, ClaimKind kind, Reconciliation full) {
        ScenarioSource source = scenarioOf(runId);
        List<Line> lines = new ArrayList<>();
        for (Claim c : catalog.byKind(kind)) {
            if (!c.inScope()) {
                continue;
            }
            Line own = full.line(c.id()).orElse(null);
            if (own == null || own.computed() == Status.UNCHECKABLE) {
                lines.add(new Line(c.id(), "HOLD_OUT", Status.UNCHECKABLE, org.mopr.ledger.projection.reconciliation.Basis.INDEPENDENT,
                        Status.UNCHECKABLE, c.renderValue(), null, null, null, "the ledger cannot check it even with it: "
                        + (own == null ? "no line" : own.reason()), List.of(), List.of()));
                continue;
            }
            try {
                lines.addAll(fold(source, null, List.of(c.id())).heldOut());
            } catch (RuntimeException e) {
                lines.add(HoldOuts.uncompilable(c.id(), String.valueOf(e.getMessage())));
            }
        }
        return lines;
    }
}
