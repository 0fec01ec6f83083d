package org.mopr.ledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * In front of every read of projected figures: a run whose projections are not whole is refused before a controller
 * reads them. A replay under way or stopped half way, or projections behind the store, answer 503
 * {@code projections-rebuilding} with what was reached and a Retry-After; a RUNNING or FAILED run answers 409
 * {@code run-incomplete}. The runs are those the request names ({@code run}, or {@code a} and {@code b}) or the
 * default run; a malformed, unknown or deleted run is left to the controller, which answers 404.
 */
final class ProjectionReadinessInterceptor implements HandlerInterceptor {

    private static final Duration REBUILDING_RETRY = Duration.ofSeconds(5);
    private static final Duration BEHIND_RETRY = Duration.ofSeconds(1);

    private final ProjectionReadiness readiness;
    private final RunViews runs;

    ProjectionReadinessInterceptor(ProjectionReadiness readiness, RunViews runs) {
        this.readiness = readiness;
        this.runs = runs;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        for (String run : runsOf(request)) {
            readiness.check(run).ifPresent(not -> {
                throw switch (not.reason()) {
                    case REBUILDING -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "projections-rebuilding",
                            "The projections are being rebuilt", not.message() + "; retry once the replay has finished")
                            .with("position", not.position()).with("projected", not.projected())
                            .retryAfter(REBUILDING_RETRY);
                    case BEHIND -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "projections-rebuilding",
                            "The projections are catching up", not.message() + "; retry in a moment")
                            .with("projected", not.projected()).with("events", not.events())
                            .retryAfter(BEHIND_RETRY);
                    case INCOMPLETE -> new ApiProblem(HttpStatus.CONFLICT, "run-incomplete", "The run is not complete",
                            not.message() + " (GET /api/runs/" + not.run() + " shows it)");
                };
            });
        }
        return true;
    }

    private List<String> runsOf(HttpServletRequest request) {
        List<String> named = new ArrayList<>();
        for (String parameter : new String[]{"run", "a", "b"}) {
            String value = request.getParameter(parameter);
            if (value != null && !value.isBlank()) {
                named.add(value.trim());
            }
        }
        // A read of an ensemble's bands (ensemble=) reads no run's projections.
        boolean ensemble = request.getParameter("ensemble") != null && !request.getParameter("ensemble").isBlank();
        if (named.isEmpty() && !ensemble) {
            runs.latestHistorical().ifPresent(r -> named.add(r.runId()));
        }
        List<String> known = new ArrayList<>();
        for (String run : named) {
            try {
                String id = RunId.of(run).value();
                runs.find(id).filter(r -> !"DELETED".equals(r.status())).ifPresent(r -> known.add(id));
            } catch (DomainException malformed) {
                // The controller names it in its 404.
            }
        }
        return known;
    }
}
