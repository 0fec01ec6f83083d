package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;
import org.mopr.ledger.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ensembles: list, one with its members and reconciliation shares, the bands of a figure (JSON or CSV), two compared,
 * and starting one (token). Money bands are Money objects ({minor, currency, exponent, decimal}; as CSV the columns
 * p50.minor, p50.currency, p50.exponent, ...), counts are plain numbers.
 */
@RestController
@Tag(name = "ensembles", description = "A scenario run many times: every modelled figure as a band")
@RequestMapping("/api/ensembles")
public class EnsemblesController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnsemblesController.class);

    /** What a client sends to start an ensemble. */
    public record EnsembleRequest(@Schema(example = "historical") String scenario,
                                  @Schema(description = "The base seed; member i draws with seed + i", example = "1922")
                                  Long seed,
                                  @Schema(description = "2 to 1,000", example = "20") Integer members,
                                  @Schema(description = "What varies between members: seed, placement, rates, comma-separated",
                                          example = "seed,placement") String vary) {
    }

    /** A started ensemble: its id, RUNNING, and where to follow it. */
    public record EnsembleStarted(String ensembleId, String status, String note) {
    }

    public record EnsembleView(EnsembleStore.EnsembleRow ensemble, List<EnsembleStore.MemberRow> members,
                               List<LineShares.Share> reconciliation) {
    }

    /** One figure's band; {@code modelled} is true for every origin but DOCUMENTED. */
    public record BandView(@Schema(example = "aid/PL/XRG") String figure, @Schema(example = "aid") String family,
                           @Schema(example = "SIMULATED") String origin, boolean modelled,
                           @Schema(description = "money, members or sections", example = "money") String unit,
                           @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p5,
                           @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p50,
                           @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object p95,
                           @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object min,
                           @Schema(oneOf = {MoneyJson.MoneyView.class, Long.class}) Object max) {
    }

    private final EnsembleService ensembles;
    private final EnsembleViews views;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mopr-api-ensemble");
        thread.setDaemon(true);
        return thread;
    });

    public EnsemblesController(EnsembleService ensembles, EnsembleViews views) {
        this.ensembles = ensembles;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Every ensemble, newest first, with its status and whether its documented totals are exact in "
            + "every member")
    public Listing<EnsembleStore.EnsembleRow> listEnsembles() {
        List<EnsembleStore.EnsembleRow> rows = ensembles.store().list();
        return new Listing<>(null, null, rows, rows.size(), 0, false);
    }

    @GetMapping("/compare")
    @Operation(summary = "Two ensembles figure by figure: a's band, b's p50, the band of b - a member by member and "
            + "whether b's p50 lies outside a's p5..p95; figure keeps the figures under a prefix")
    public Listing<EnsembleViews.DifferenceView> compareEnsembles(@RequestParam(required = false) String a,
                                                         @RequestParam(required = false) String b,
                                                         @RequestParam(required = false) String figure,
                                                         @RequestParam(required = false) String limit,
                                                         @RequestParam(required = false) String offset) {
        return views.compare(a, b, figure, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ensemble: its members (run, seed, events, fingerprint, conserved) and each "
            + "reconciliation line's share of members in which it holds, with its basis")
    public EnsembleView ensemble(@PathVariable String id) {
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow(() -> EnsembleReads.unknown(id));
        return new EnsembleView(row, ensembles.store().members(id), ensembles.store().lines(id));
    }

    @GetMapping("/{id}/bands")
    @Operation(summary = "The bands (p5, p50, p95, min, max) of a figure and of every figure under it, with origin; "
            + "money as Money objects, counts as integers")
    public Listing<BandView> bands(@PathVariable String id, @RequestParam(required = false) String figure,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String offset) {
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow(() -> EnsembleReads.unknown(id));
        if (figure == null || figure.isBlank()) {
            throw ApiProblem.badParameter("figure is required: a figure or a prefix of figures, e.g. figure=aid/IT,"
                    + " figure=membership/ALL, figure=income/SU/DUES/XRG/1925, figure=sections");
        }
        List<BandView> bands = ensembles.store().bands(id, figure.trim()).stream().map(r -> {
            String unit = r.currency() == null ? r.unit() : r.currency();
            return new BandView(r.figure(), r.family(), r.origin(), r.modelled(), r.currency() == null ? r.unit() : "money",
                    EnsembleReads.value(r.p5(), unit), EnsembleReads.value(r.p50(), unit), EnsembleReads.value(r.p95(), unit),
                    EnsembleReads.value(r.min(), unit), EnsembleReads.value(r.max(), unit));
        }).toList();
        if (bands.isEmpty()) {
            throw ApiProblem.noFigure("ensemble " + id + " has no figure '" + figure.trim() + "' (figures read like aid/IT/XRG,"
                    + " aid/IT/XRG/1924, aid/IT/XRG/1924-03, income/SU/DUES/XRG, balance/fund:central/XRG/1928-01,"
                    + " membership/ALL/1925-06, sections/1928)");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ensemble", id);
        summary.put("status", row.status());
        summary.put("members", row.membersDone());
        summary.put("totalsExact", row.totalsExact());
        summary.put("assumptions", row.assumptions());
        return Listing.of(null, summary, Page.slice(bands, Params.page(limit, offset)));
    }

    @PostMapping
    @Operation(summary = "Start an ensemble of a shipped scenario (needs the bearer token): 202 with its id while its "
            + "members run; 409 while another started here is under way")
    @SecurityRequirement(name = OpenApiConfiguration.BEARER)
    public ResponseEntity<EnsembleStarted> startEnsemble(@RequestBody EnsembleRequest request) {
        if (request == null || request.scenario() == null || request.members() == null) {
            throw ApiProblem.badParameter("the body must name a scenario and members, e.g."
                    + " {\"scenario\":\"historical\",\"members\":20,\"vary\":\"seed,placement\"}");
        }
        EnsembleService.Checked checked;
        try {
            checked = ensembles.check(new EnsembleService.Request(request.scenario().trim(), request.seed(),
                    request.members(), request.vary()));
        } catch (DomainException | IllegalArgumentException e) {
            throw ApiProblem.badParameter(e.getMessage());
        }
        if (!busy.compareAndSet(false, true)) {
            throw ApiProblem.conflict("another ensemble started through the API is still under way; wait for it"
                    + " (GET /api/ensembles)");
        }
        String id;
        try {
            id = ensembles.register(checked);
            executor.submit(() -> {
                try {
                    ensembles.runMembers(id, checked, new PrintStream(OutputStream.nullOutputStream()), stopping::get);
                } catch (RuntimeException e) {
                    log.warn("ensemble {} started through the API failed: {}", id, e.getMessage());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/ensembles/" + id))
                .body(new EnsembleStarted(id, "RUNNING", "follow it at /api/ensembles/" + id));
    }

    @Override
    public void destroy() {
        stopping.set(true);
        executor.shutdown();
    }
}
