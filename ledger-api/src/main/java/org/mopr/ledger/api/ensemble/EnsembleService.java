package org.mopr.ledger.api.ensemble;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.ensemble.EnsembleComparison;
import org.mopr.ledger.projection.ensemble.EnsembleFigures;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;
import org.mopr.ledger.projection.ensemble.MemberFigures;
import org.mopr.ledger.projection.reconciliation.FoldedRunFacts;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.ensemble.MemberSettings;
import org.mopr.ledger.simulation.ensemble.Variation;
import org.mopr.ledger.simulation.run.RunPlan;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Runs a scenario N times as an ensemble: each member compiled with its own draws, sent through the aggregates into
 * the store as a run of its own ({@code <ensemble>-m<i>}), folded into its figures and reconciled in memory; then one
 * band per figure and one share per reconciliation line are stored. A stop half way leaves the ensemble FAILED with
 * the members done so far kept, listed and banded.
 */
@Service
public class EnsembleService {

    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 1_000;

    public record Request(String scenario, Long seed, int members, String vary) {
    }

    private final Catalog catalog;
    private final ScenarioRunner runner;
    private final EnsembleStore store;
    private final Reconciler reconciler;
    private final TransactionTemplate transactions;

    public EnsembleService(Catalog catalog, ScenarioRunner runner, JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.catalog = catalog;
        this.runner = runner;
        this.store = new EnsembleStore(jdbc);
        this.reconciler = new Reconciler(jdbc, catalog);
        this.transactions = new TransactionTemplate(tx);
    }

    public EnsembleStore store() {
        return store;
    }

    /** Everything a request can get wrong, found before anything is written. */
    public Checked check(Request request) {
        if (request.members() < MIN_MEMBERS || request.members() > MAX_MEMBERS) {
            throw new DomainException("--members must be " + MIN_MEMBERS + ".." + String.format(Locale.ROOT, "%,d", MAX_MEMBERS)
                    + ", got " + request.members());
        }
        Set<Variation> vary = Variation.parse(request.vary() == null ? "seed,placement" : request.vary());
        ScenarioSource source = ScenarioReader.source(request.scenario());
        CompiledScenario base = ScenarioCompiler.compile(source, request.seed(), catalog);
        MemberSettings.check(base.settings(), vary);
        return new Checked(request, source, base, vary);
    }

    public record Checked(Request request, ScenarioSource source, CompiledScenario base, Set<Variation> vary) {
        long seed() {
            return base.settings().seed();
        }
    }

    /** Registers the ensemble RUNNING and says its id, so a caller can answer before the members run. */
    public synchronized String register(Checked c) {
        String slug = c.base().settings().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        String base = (slug.isEmpty() ? "scenario" : slug.substring(0, Math.min(slug.length(), 24))) + "-s"
                + Long.toUnsignedString(c.seed()) + "-x" + c.request().members();
        List<String> taken = store.idsLike(base);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        RunId.of(id + "-m" + c.request().members());
        store.started(id, c.base().settings().name(), c.seed(), c.request().members(), Variation.ids(c.vary()),
                MemberSettings.assumptions(c.vary()));
        return id;
    }

    /** Runs every member; {@code stop} is asked between members (Ctrl-C, a server shutting down). */
    public void runMembers(String id, Checked c, PrintStream out, BooleanSupplier stop) {
        int n = c.request().members();
        EnsembleFigures figures = new EnsembleFigures(n);
        LineShares shares = new LineShares();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int done = 0;
        boolean conserved = true;
        long began = System.nanoTime();
        long events = 0;
        long[] phases = new long[3];
        try {
            for (int i = 0; i < n; i++) {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                int member = i;
                long started = System.nanoTime();
                CompiledScenario compiled = ScenarioCompiler.compile(c.source(), c.request().seed(), catalog, List.of(),
                        s -> MemberSettings.member(s, c.vary(), c.seed(), member));
                RunId runId = RunId.of(id + "-m" + (i + 1));
                RunPlan plan = new RunPlan(id, compiled.settings().seed(), c.source().text(), compiled.expectedCommands(),
                        compiled.commands());
                long t0 = System.nanoTime();
                RunSummary summary = runner.runAs(plan, runId, quiet);
                long t1 = System.nanoTime();
                figures.add(i, MemberFigures.fold(compiled.commands().apply(runId)));
                boolean memberConserved = shares.add(reconciler.reconcile(
                        new FoldedRunFacts(runId.value(), compiled.commands().apply(runId))));
                long t2 = System.nanoTime();
                phases[0] += t0 - started;
                phases[1] += t1 - t0;
                phases[2] += t2 - t1;
                conserved &= memberConserved;
                store.member(id, new EnsembleStore.MemberRow(i + 1, runId.value(), compiled.settings().seed(),
                        summary.events(), summary.fingerprint(), memberConserved));
                done++;
                events += summary.events();
                progress(out, id, done, n, events, began, phases);
            }
        } catch (Stopped e) {
            finish(id, figures, done, shares, conserved, e.getMessage());
            throw new DomainException("ensemble " + id + " stopped after " + done + " of " + n + " members: it is FAILED,"
                    + " with the members done kept and banded ('GET /api/ensembles/" + id + "' lists them)");
        } catch (RuntimeException e) {
            finish(id, figures, done, shares, conserved, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
        finish(id, figures, done, shares, conserved, null);
    }

    private void finish(String id, EnsembleFigures figures, int done, LineShares shares, boolean conserved, String failure) {
        String note = done + " of " + done + " members done " + (conserved ? "conserve" : "do NOT all conserve")
                + " every documented total to the minor unit (each CONSERVATION line of the reconciliation MATCH)";
        transactions.executeWithoutResult(t -> {
            if (done > 0) {
                store.bands(id, figures, done, shares.shares());
            }
            if (failure == null) {
                store.completed(id, conserved, note);
            } else {
                store.failed(id, failure + "; " + done + " members done and kept", done > 0 ? conserved : null,
                        done > 0 ? note : null);
            }
        });
    }

    /** One line per member: the whole ensemble's bar, events per second and the time left. */
    private static void progress(PrintStream out, String id, int done, int n, long events, long began, long[] phases) {
        double seconds = (System.nanoTime() - began) / 1e9;
        double left = seconds / done * (n - done);
        int filled = 30 * done / n;
        out.printf(Locale.ROOT, "ensemble %s [%s%s] member %d/%d done, %,d events, %.0f events/s, about %.0f s left"
                        + " (compile %.1f s, store %.1f s, fold and reconcile %.1f s)%n",
                id, "#".repeat(filled), " ".repeat(30 - filled), done, n, events, events / Math.max(seconds, 1e-9), left,
                phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9);
        out.flush();
    }

    public List<EnsembleComparison.FigureDifference> compare(String a, String b, String figure) {
        for (String id : new String[]{a, b}) {
            EnsembleStore.EnsembleRow row = store.find(id).orElseThrow(() -> new DomainException("unknown ensemble '" + id + "'"));
            if (!"COMPLETE".equals(row.status())) {
                throw new DomainException("ensemble " + id + " is " + row.status() + ": only COMPLETE ensembles compare");
            }
        }
        return EnsembleComparison.compare(store.memberValues(a, figure == null ? "" : figure),
                store.memberValues(b, figure == null ? "" : figure));
    }

    /** Asked to stop between members: not an error of the ensemble's own. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the user", null, false, false);
        }
    }
}
