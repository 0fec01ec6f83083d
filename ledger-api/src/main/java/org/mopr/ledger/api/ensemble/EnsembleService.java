package org.mopr.ledger.api.ensemble;

import org.mopr.ledger.api.projection.LivePause;
import org.mopr.ledger.api.projection.ReplayService;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.ensemble.EnsembleComparison;
import org.mopr.ledger.projection.ensemble.EnsembleFigures;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;
import org.mopr.ledger.projection.ensemble.MemberFigures;
import org.mopr.ledger.projection.reconciliation.FoldedRunFacts;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.ensemble.MemberSettings;
import org.mopr.ledger.simulation.ensemble.Variation;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a scenario N times as an ensemble: each member compiled with its own draws, sent through the aggregates into
 * the store as a run of its own ({@code <ensemble>-m<i>}) the way a large run is sent (many commands per transaction),
 * folded into its figures and reconciled in memory, several members at once; then one band per figure and one share
 * per reconciliation line are stored. A stop half way leaves the ensemble FAILED with
 * the members done so far kept, listed and banded.
 */
@Service
public class EnsembleService {

    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 1_000;

    public record Request(String scenario, Long seed, int members, String vary) {
    }

    /** A member whose commands carry at most this many events is made once and held; a larger one anew for each pass. */
    private static final long MAX_HELD_EVENTS = 50_000;

    private final Catalog catalog;
    private final MemberIngest ingest;
    private final EnsembleStore store;
    private final Reconciler reconciler;
    private final TransactionTemplate transactions;
    private final ReplayService replays;
    private final EnsembleProperties settings;

    EnsembleService(Catalog catalog, MemberIngest ingest, ReplayService replays, EnsembleProperties settings,
                    JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.catalog = catalog;
        this.ingest = ingest;
        this.store = new EnsembleStore(jdbc);
        this.reconciler = new Reconciler(jdbc, catalog);
        this.transactions = new TransactionTemplate(tx);
        this.replays = replays;
        this.settings = settings;
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

    /** How members' events reach the projections. */
    public enum Projection {
        /** By the live processor, event by event beside the members (a server, where other runs are projected too). */
        LIVE,
        /** Live projection stopped while the members are sent, then their events projected in bulk (the rebuild's pages). */
        BULK
    }

    /** Runs every member, projected live; {@code stop} is asked between members (Ctrl-C, a server shutting down). */
    public void runMembers(String id, Checked c, PrintStream out, BooleanSupplier stop) {
        runMembers(id, c, out, stop, Projection.LIVE);
    }

    /**
     * Runs every member on {@code mopr.ensemble.writers} threads, each through the aggregates into the store as a large
     * run is sent ({@link MemberIngest}), then folded and reconciled in memory; bands and shares are gathered in
     * member order on this thread. {@code stop} is asked before each member is taken.
     *
     * @return how long the members' bulk projection took (zero when projected live), for a benchmark to tell the
     *         members' own time from their projection's
     */
    public Duration runMembers(String id, Checked c, PrintStream out, BooleanSupplier stop, Projection projection) {
        int n = c.request().members();
        EnsembleFigures figures = new EnsembleFigures(n);
        LineShares shares = new LineShares();
        MemberPool pool = new MemberPool(settings.writers(), n, stop);
        MemberProgress progress = new MemberProgress(out, id, n, Math.min(settings.writers(), n));
        boolean[] conserved = {true};
        MemberRows rows = new MemberRows(store, transactions, id);
        long projectionNanos = 0;
        try (LivePause pause = projection == Projection.BULK ? replays.pauseLive() : null) {
            pool.run(i -> member(id, c, i), m -> {
                figures.add(m.index(), m.figures());
                boolean memberConserved = shares.add(m.reconciliation());
                conserved[0] &= memberConserved;
                rows.add(new EnsembleStore.MemberRow(m.index() + 1, m.stored().runId().value(), m.seed(),
                        m.stored().events(), m.stored().fingerprint(), memberConserved));
                progress.member(m);
            });
            if (pause != null) {
                long began = System.nanoTime();
                out.println(catchUp(pause));
                projectionNanos = System.nanoTime() - began;
            }
        } catch (MemberPool.Stopped e) {
            finish(id, rows, figures, progress.done(), shares, conserved[0], e.getMessage());
            throw new DomainException("ensemble " + id + " stopped after " + progress.done() + " of " + n + " members: it is"
                    + " FAILED, with the members done kept and banded ('GET /api/ensembles/" + id + "' lists them)");
        } catch (RuntimeException e) {
            finish(id, rows, figures, progress.done(), shares, conserved[0], e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
        finish(id, rows, figures, progress.done(), shares, conserved[0], null);
        return Duration.ofNanos(projectionNanos);
    }

    /** One member on a writer's thread: compiled with its own draws, stored, folded and reconciled. */
    private MemberDone member(String id, Checked c, int member) {
        long started = System.nanoTime();
        CompiledScenario compiled = ScenarioCompiler.compile(c.source(), c.request().seed(), catalog, List.of(),
                s -> MemberSettings.member(s, c.vary(), c.seed(), member));
        RunId runId = RunId.of(id + "-m" + (member + 1));
        Supplier<Iterator<Object>> commands = commandsOf(compiled, runId);
        long compiledAt = System.nanoTime();
        MemberIngest.Stored stored = ingest.run(id, runId, compiled.settings().seed(), c.source().text(), commands.get());
        long storedAt = System.nanoTime();
        MemberFigures folded = MemberFigures.fold(commands.get());
        Reconciliation reconciliation = reconciler.reconcile(new FoldedRunFacts(runId.value(), commands.get()));
        return new MemberDone(member, compiled.settings().seed(), stored, folded, reconciliation,
                new long[]{compiledAt - started, storedAt - compiledAt, System.nanoTime() - storedAt});
    }

    /**
     * A member's commands, made once and kept for the store, the fold and the reconciliation when they are few (a
     * historical member has some 600 events); a larger plan is made anew for each pass rather than held.
     */
    private static Supplier<Iterator<Object>> commandsOf(CompiledScenario compiled, RunId runId) {
        List<Object> held = new ArrayList<>();
        long events = 0;
        for (Iterator<Object> it = compiled.commands().apply(runId); it.hasNext(); ) {
            Object command = it.next();
            held.add(command);
            events += CommandBatcher.eventsOf(command);
            if (events > MAX_HELD_EVENTS) {
                return () -> compiled.commands().apply(runId);
            }
        }
        return held::iterator;
    }

    private static String catchUp(LivePause pause) {
        try {
            return pause.catchUp();
        } catch (RuntimeException e) {
            // The members and their bands are whole; their projections are the live processor's to finish.
            return "projections: the bulk catch-up failed (" + e.getMessage() + "); live projection goes on from where it stopped";
        }
    }

    record MemberDone(int index, long seed, MemberIngest.Stored stored, MemberFigures figures,
                      Reconciliation reconciliation, long[] nanos) {
    }

    private void finish(String id, MemberRows rows, EnsembleFigures figures, int done, LineShares shares, boolean conserved, String failure) {
        String note = done + " of " + done + " members done " + (conserved ? "conserve" : "do NOT all conserve")
                + " every documented total to the minor unit (each CONSERVATION line of the reconciliation MATCH)";
        transactions.executeWithoutResult(t -> {
            rows.writeHeld();
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

}
