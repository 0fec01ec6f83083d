package org.mopr.ledger.api.projection;

import org.mopr.ledger.projection.query.ProjectionProgress;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.replay.ReplayState;
import org.mopr.ledger.shared.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Whether the projections hold the whole of a run, so that a report, the API or the page may show its figures: no
 * replay of the run (or of every run) is unfinished, the run is COMPLETE, and every one of its events is projected.
 * A replay killed half way leaves the rows part built; a run that is RUNNING or FAILED stops part way; projections
 * written asynchronously may be behind the store. Figures from any of these would look complete and be wrong.
 * <p>
 * A run found whole stays whole until a replay begins (every replay adds a row to proj_replay), so the count of its
 * projected events is read once per replay, not on every request.
 */
@Component
public class ProjectionReadiness {

    /** Why a run's figures cannot be shown yet, with what a client or a person can act on. */
    public enum Reason {
        /** A replay of the run, or of every run, is under way or was stopped half way. */
        REBUILDING,
        /** The run is complete but the projections do not hold all its events yet. */
        BEHIND,
        /** The run is RUNNING or FAILED: its events stop part way. */
        INCOMPLETE
    }

    /**
     * @param position  the global index a replay reached (REBUILDING), else -1
     * @param projected the run's events projected so far (BEHIND), or the replay's (REBUILDING)
     * @param events    the run's events (BEHIND), else -1
     */
    public record NotReady(Reason reason, String run, String message, long position, long projected, long events) {
    }

    private record RunRow(String status, long events, String failure) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final Duration wait;
    /** Runs found whole, with the newest replay id when they were. */
    private final Map<String, Long> whole = new ConcurrentHashMap<>();

    public ProjectionReadiness(JdbcTemplate jdbc, ProjectionQueries queries, ProjectionProperties properties) {
        this.jdbc = jdbc;
        this.progress = queries.progress();
        this.wait = properties.readWait();
    }

    /** Why the run's figures cannot be shown now, or empty when they can (or when there is no such run). */
    public Optional<NotReady> check(String runId) {
        ReplayState replay = progress.latestReplay();
        if (replay.rebuilding(runId)) {
            String what = replay.ofEveryRun() ? "every run" : "run " + runId;
            return Optional.of(new NotReady(Reason.REBUILDING, runId, String.format(Locale.ROOT,
                    "the projections of run %s are being rebuilt: a replay of %s is under way or was stopped at #%d "
                            + "(%d events so far)", runId, what, replay.position(), replay.events()),
                    replay.position(), replay.events(), -1));
        }
        Long checked = whole.get(runId);
        if (checked != null && checked == replay.id()) {
            return Optional.empty();
        }
        Optional<RunRow> found = jdbc.query("SELECT status, events, failure FROM ledger_run WHERE run_id = ?",
                (rs, n) -> new RunRow(rs.getString(1), rs.getLong(2), rs.getString(3)), runId).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RunRow run = found.get();
        if (run.status().equals("RUNNING")) {
            return Optional.of(new NotReady(Reason.INCOMPLETE, runId, "run " + runId + " is RUNNING (or its process "
                    + "stopped before it finished): its figures are shown once it is COMPLETE", -1, -1, -1));
        }
        if (!run.status().equals("COMPLETE")) {
            return Optional.of(new NotReady(Reason.INCOMPLETE, runId, "run " + runId + " is " + run.status() + " ("
                    + run.failure() + "): its events stop part way, so its figures are not shown; run the scenario again",
                    -1, -1, -1));
        }
        long projected = progress.projectedEvents(runId);
        if (projected < run.events()) {
            return Optional.of(new NotReady(Reason.BEHIND, runId, String.format(Locale.ROOT,
                    "the projections hold %d of run %s's %d events: they are catching up with the store", projected,
                    runId, run.events()), -1, projected, run.events()));
        }
        whole.put(runId, replay.id());
        return Optional.empty();
    }

    /**
     * For the command line: returns once the run's figures can be shown, waiting up to {@code mopr.projection.read-wait}
     * for projections behind the store (a line on {@code progress} every second); refuses at once a run whose rows a
     * replay is rebuilding or whose events stop part way, as it does a run still behind after the wait.
     */
    public void awaitWhole(String runId, Consumer<String> progress) {
        long began = System.nanoTime();
        long deadline = began + wait.toNanos();
        long nextLine = began + 1_000_000_000L;
        while (true) {
            Optional<NotReady> not = check(runId);
            if (not.isEmpty()) {
                return;
            }
            NotReady n = not.get();
            switch (n.reason()) {
                case REBUILDING -> throw new DomainException(n.message() + "; let it finish or run 'replay"
                        + (this.progress.latestReplay().ofEveryRun() ? "" : " --run " + runId) + "' to finish it, then try again");
                case INCOMPLETE -> throw new DomainException(n.message());
                case BEHIND -> {
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        throw new DomainException(String.format(Locale.ROOT, "%s, still after %.1f s: is a process "
                                + "projecting this store (this command's own processor, or Kafka workers)? 'replay --run "
                                + "%s' rebuilds the run's projections", n.message(), wait.toMillis() / 1000.0, runId));
                    }
                    if (now >= nextLine) {
                        progress.accept("waiting for the projections: " + n.projected() + " of run " + runId + "'s "
                                + n.events() + " events");
                        nextLine = now + 1_000_000_000L;
                    }
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("interrupted while waiting for the projections");
        }
    }
}
