package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.api.run.RunDeletion;
import org.mopr.ledger.api.store.StoreFailures;
import org.mopr.ledger.api.run.RunView;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunSummary;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The runs in the store; starting one and deleting one are the API's only writes. */
@RestController
@RequestMapping("/api/runs")
@Tag(name = "runs", description = "Scenario runs: list, start (token), delete (token)")
public class RunsController {

    private static final long REGISTRATION_WAIT_MILLIS = 5_000;

    /** What a client sends to start a run: a shipped scenario's name and, optionally, a seed. */
    public record RunRequest(String scenario, Long seed) {
    }

    /** A started run: the run when it finished in time (201), else its status RUNNING and where to follow it (202). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunStarted(String scenario, Long seed, RunView run, String status, String runId, String note) {
    }

    /** A deleted run: its projection rows went, its events stayed. */
    public record RunDeleted(String runId, String status, boolean projectionRowsDeleted, long eventsKept, String note) {
    }

    private final RunViews runs;
    private final RunLauncher launcher;
    private final RunDeletion deletion;
    private final ReconciliationReports reports;
    private final Duration runWait;

    public RunsController(RunViews runs, RunLauncher launcher, RunDeletion deletion,
                          ReconciliationReports reports,
                          ApiProperties api) {
        this.runs = runs;
        this.launcher = launcher;
        this.deletion = deletion;
        this.reports = reports;
        this.runWait = api.runWait();
    }

    @GetMapping
    @Operation(summary = "Runs, newest first; scenario filters by scenario name")
    public Listing<RunView> list(@RequestParam(required = false) String scenario,
                                          @RequestParam(required = false) String limit,
                                          @RequestParam(required = false) String offset) {
        Map<String, Object> summary = new LinkedHashMap<>();
        runs.latestHistorical().ifPresent(r -> summary.put("defaultRun", r.runId()));
        return Listing.of(null, summary, runs.all(scenario == null || scenario.isBlank() ? null : scenario.trim(),
                Params.page(limit, offset)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One run")
    public RunView one(@PathVariable String id) {
        return runs.resolve(id);
    }

    @PostMapping
    @Operation(summary = "Start a run of a shipped scenario (needs the bearer token). Answers 201 with the run when "
            + "it finished within mopr.api.run-wait, otherwise 202 while it goes on")
    @SecurityRequirement(name = OpenApiConfiguration.BEARER)
    public ResponseEntity<RunStarted> start(@RequestBody RunRequest request) {
        if (request == null || request.scenario() == null || request.scenario().isBlank()) {
            throw ApiProblem.badParameter("the body must name a scenario, e.g. {\"scenario\":\"half-dues\"}");
        }
        RunLauncher.Launched launched = launcher.launch(request.scenario().trim(), request.seed());
        try {
            RunSummary summary = launched.outcome().get(runWait.toMillis(), TimeUnit.MILLISECONDS);
            RunView run = runs.resolve(summary.runId().value());
            return ResponseEntity.created(URI.create("/api/runs/" + run.runId())).body(new RunStarted(
                    launched.scenario(), launched.seed(), run, null, null, "the projections catch up asynchronously; "
                    + "until they hold the whole run, its reads answer 503 projections-rebuilding"));
        } catch (TimeoutException e) {
            String id = registeredId(launched).map(RunId::value).orElse(null);
            String where = id != null ? "/api/runs/" + id : "/api/runs?scenario=" + launched.scenario();
            return ResponseEntity.accepted().location(URI.create(where)).body(new RunStarted(launched.scenario(),
                    launched.seed(), null, "RUNNING", id,
                    "still running after " + runWait.toMillis() / 1000.0 + " s; follow it at " + where));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            DataAccessException store = StoreFailures.behind(cause);
            if (store != null) {
                // The store failed, not the scenario: ProblemAdvice answers 503 and logs it, without the driver's words.
                throw store;
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "run-failed", "The run failed", cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.conflict("interrupted while waiting for the run; it goes on, see /api/runs");
        }
    }

    /**
     * The run registers itself right after it is compiled, so its id is known long before its events are; the
     * listing of the scenario's runs is the fallback should registration lag (a busy store).
     */
    private static Optional<RunId> registeredId(RunLauncher.Launched launched) {
        try {
            return Optional.of(launched.runId().get(REGISTRATION_WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a run (needs the bearer token): its projection rows go, the registry marks it DELETED; "
            + "its events stay in the append-only event store")
    @SecurityRequirement(name = OpenApiConfiguration.BEARER)
    public RunDeleted delete(@PathVariable String id) {
        RunView run = runs.resolve(id);
        RunDeletion.Deleted deleted;
        try {
            deleted = deletion.delete(run);
        } catch (RunDeletion.Refused e) {
            throw ApiProblem.conflict(e.getMessage());
        }
        reports.evict(run.runId());
        return new RunDeleted(run.runId(), "DELETED", true, deleted.eventsKept(), "The run's projection rows are deleted and the registry marks it DELETED, so no read shows it. "
                + "Its events stay in the event store, which is append-only; the run id stays taken, and a replay of "
                + "every run would project its events again.");
    }
}
