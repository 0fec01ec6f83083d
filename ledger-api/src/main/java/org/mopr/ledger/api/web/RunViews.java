package org.mopr.ledger.api.web;

import org.mopr.ledger.api.run.RunListing;
import org.mopr.ledger.api.run.RunView;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The run every read is about, as the API resolves it: the one named, or the newest complete historical run; a
 * missing, malformed or deleted run is a 404. The registry itself is read by {@link RunListing}.
 */
@Component
public class RunViews {

    public static final String DEFAULT_SCENARIO = RunListing.DEFAULT_SCENARIO;
    public static final String DELETED_MARK = RunListing.DELETED_MARK;

    private final RunListing listing;

    public RunViews(RunListing listing) {
        this.listing = listing;
    }

    public Page<RunView> all(String scenario, PageRequest page) {
        return listing.all(scenario, page);
    }

    public Optional<RunView> find(String runId) {
        return listing.find(runId);
    }

    /** The newest complete run of the historical scenario: what a read without {@code run} is about. */
    public Optional<RunView> latestHistorical() {
        return listing.latestHistorical();
    }
    /** The run a read is about: the one named, or the default; a missing, malformed or deleted one is a 404. */
    public RunView resolve(String run) {
        if (run == null || run.isBlank()) {
            return latestHistorical().orElseThrow(() -> ApiProblem.unknownRun(
                    "no complete run of the " + DEFAULT_SCENARIO + " scenario yet: start one (POST /api/runs) or name a run"));
        }
        String id;
        try {
            id = RunId.of(run.trim()).value();
        } catch (DomainException e) {
            throw ApiProblem.unknownRun("no run '" + run + "': " + e.getMessage());
        }
        RunView view = find(id).orElseThrow(() -> ApiProblem.unknownRun("no run '" + id + "' in this store; GET /api/runs lists them"));
        if ("DELETED".equals(view.status())) {
            throw ApiProblem.unknownRun("run '" + id + "' was deleted: " + view.failure());
        }
        return view;
    }

    public String resolveId(String run) {
        return resolve(run).runId();
    }
}
