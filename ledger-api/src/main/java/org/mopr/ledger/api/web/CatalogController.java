package org.mopr.ledger.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The documented claims of the shipped catalog: the same for every run, so these take no {@code run}. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "catalog", description = "Documented claims with their citations")
public class CatalogController {

    private final Catalog catalog;

    public CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Claims, filtered by subject (organisation, section:DE, city:Kiev), kind (money, count, "
            + "goods, date, link, text) and source (seed file name)")
    public Listing<ClaimView> claims(@RequestParam(required = false) String subject,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) String source,
                                     @RequestParam(required = false) String limit,
                                     @RequestParam(required = false) String offset) {
        PageRequest page = Params.page(limit, offset);
        Stream<Claim> claims = catalog.claims().stream();
        if (subject != null && !subject.isBlank()) {
            Subject s;
            try {
                s = Subject.parse(subject.trim());
            } catch (DomainException e) {
                throw ApiProblem.badParameter(e.getMessage());
            }
            claims = claims.filter(c -> c.subject().equals(s));
        }
        if (kind != null && !kind.isBlank()) {
            ClaimKind k = Params.choice("kind", kind, ClaimKind.class, null);
            claims = claims.filter(c -> c.kind() == k);
        }
        if (source != null && !source.isBlank()) {
            if (!catalog.countBySource().containsKey(source.trim())) {
                throw ApiProblem.badParameter("source '" + source + "' is not a seed of the catalog; known are "
                        + catalog.countBySource().keySet());
            }
            claims = claims.filter(c -> c.source().equals(source.trim()));
        }
        List<Claim> all = claims.toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("claims", all.size());
        summary.put("catalogSize", catalog.size());
        return Listing.of(null, summary, Page.slice(all, page).map(ClaimView::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One claim, with the claims that contradict it")
    public ClaimDetail claim(@PathVariable String id) {
        Claim claim = catalog.find(id).orElseThrow(() -> ApiProblem.unknownClaim(
                "no claim '" + id + "' in the catalog; GET /api/catalog lists them"));
        return new ClaimDetail(ClaimView.of(claim), catalog.conflictsOf(id).stream().map(ClaimView::of).toList(),
                catalog.partsOf(id).stream().map(ClaimView::of).toList());
    }

    /** A claim, the claims that contradict it, and the claims it is the sum of. */
    public record ClaimDetail(ClaimView claim, List<ClaimView> conflicts, List<ClaimView> parts) {
    }
}
