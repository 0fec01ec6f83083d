package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.ensemble.Band;
import org.mopr.ledger.projection.ensemble.EnsembleComparison;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.ensemble.LineShares;
import org.mopr.ledger.projection.query.Page;
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
 * p50.minor, p50.currency, p50.exponent, ...), counts are plain numbers. Left out of the OpenAPI description for now:
 * the README documents them.
 */
@Hidden
@RestController
@RequestMapping("/api/ensembles")
public class EnsemblesController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnsemblesController.class);

    public record EnsembleRequest(String scenario, Long seed, Integer members, String vary) {
    }

    public record EnsembleView(EnsembleStore.EnsembleRow ensemble, List<EnsembleStore.MemberRow> members,
                               List<LineShares.Share> reconciliation) {
    }

    /** One figure's band; {@code modelled} is true for every origin but DOCUMENTED. */
    public record BandView(String figure, String family, String origin, boolean modelled, String unit, Object p5,
                           Object p50, Object p95, Object min, Object max) {
    }

    /** b - a member by member, and whether b's p50 lies outside a's p5..p95. */
    public record DifferenceView(String figure, String unit, Object baseP5, Object baseP50, Object baseP95, Object otherP50,
                                 Object differenceP5, Object differenceP50, Object differenceP95, boolean outsideBaseBand) {
    }

    private final EnsembleService ensembles;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mopr-api-ensemble");
        thread.setDaemon(true);
        return thread;
    });

    public EnsemblesController(EnsembleService ensembles) {
        this.ensembles = ensembles;
    }

    @GetMapping
    public Listing<EnsembleStore.EnsembleRow> list() {
        List<EnsembleStore.EnsembleRow> rows = ensembles.store().list();
        return new Listing<>(null, null, rows, rows.size(), 0, false);
    }

    @GetMapping("/compare")
    public Listing<DifferenceView> compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b,
                                           @RequestParam(required = false) String figure,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String offset) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            throw ApiProblem.badParameter("a and b must name two ensembles, e.g. a=historical-s1922-x20&b=ban-italy-1923-s1922-x20");
        }
        List<EnsembleComparison.FigureDifference> diff;
        try {
            diff = ensembles.compare(a.trim(), b.trim(), figure == null ? null : figure.trim());
        } catch (DomainException e) {
            throw e.getMessage().startsWith("unknown") ? unknown(e.getMessage()) : ApiProblem.conflict(e.getMessage());
        }
        Map<String, String> units = new LinkedHashMap<>();
        ensembles.store().bands(a.trim(), figure == null ? "" : figure.trim()).forEach(r -> units.put(r.figure(),
                r.currency() == null ? r.unit() : r.currency()));
        List<DifferenceView> views = diff.stream().map(d -> {
            String unit = units.getOrDefault(d.figure(), "");
            return new DifferenceView(d.figure(), unit, value(d.base().p5(), unit), value(d.base().p50(), unit),
                    value(d.base().p95(), unit), value(d.other().p50(), unit), value(d.difference().p5(), unit),
                    value(d.difference().p50(), unit), value(d.difference().p95(), unit), d.outsideBaseBand());
        }).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("base", a.trim());
        summary.put("other", b.trim());
        summary.put("outsideBaseBand", views.stream().filter(DifferenceView::outsideBaseBand).count());
        return Listing.of(null, summary, page(views, limit, offset));
    }

    @GetMapping("/{id}")
    public EnsembleView one(@PathVariable String id) {
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow(() -> unknown("unknown ensemble '" + id + "'"));
        return new EnsembleView(row, ensembles.store().members(id), ensembles.store().lines(id));
    }

    @GetMapping("/{id}/bands")
    public Listing<BandView> bands(@PathVariable String id, @RequestParam(required = false) String figure,
                                   @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String offset) {
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow(() -> unknown("unknown ensemble '" + id + "'"));
        if (figure == null || figure.isBlank()) {
            throw ApiProblem.badParameter("figure is required: a figure or a prefix of figures, e.g. figure=aid/IT,"
                    + " figure=membership/ALL, figure=income/SU/DUES/XRG/1925, figure=sections");
        }
        List<BandView> views = ensembles.store().bands(id, figure.trim()).stream().map(r -> {
            String unit = r.currency() == null ? r.unit() : r.currency();
            return new BandView(r.figure(), r.family(), r.origin(), r.modelled(), r.currency() == null ? r.unit() : "money",
                    value(r.p5(), unit), value(r.p50(), unit), value(r.p95(), unit), value(r.min(), unit), value(r.max(), unit));
        }).toList();
        if (views.isEmpty()) {
            throw ApiProblem.noFigure("ensemble " + id + " has no figure '" + figure.trim() + "' (figures read like aid/IT/XRG,"
                    + " aid/IT/XRG/1924, aid/IT/XRG/1924-03, income/SU/DUES/XRG, membership/ALL/1925-06, sections/1928)");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ensemble", id);
        summary.put("status", row.status());
        summary.put("members", row.membersDone());
        summary.put("totalsExact", row.totalsExact());
        summary.put("assumptions", row.assumptions());
        return Listing.of(null, summary, page(views, limit, offset));
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestBody EnsembleRequest request) {
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ensembleId", id);
        body.put("status", "RUNNING");
        body.put("note", "follow it at /api/ensembles/" + id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/ensembles/" + id)).body(body);
    }

    @Override
    public void destroy() {
        stopping.set(true);
        executor.shutdown();
    }

    private static Object value(long value, String unit) {
        return Currency.known().contains(unit) ? new Money(value, Currency.of(unit)) : value;
    }

    private static <T> Page<T> page(List<T> all, String limit, String offset) {
        org.mopr.ledger.projection.query.PageRequest request = Params.page(limit, offset);
        int from = Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.limit());
        return new Page<>(all.subList(from, to), request.limit(), request.offset(), to < all.size());
    }

    private static ApiProblem unknown(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-ensemble", "Unknown ensemble", detail);
    }
}
