package org.mopr.ledger.catalog;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The source catalog: every documented claim in the seeds, validated (quotes against the seeds, ids, dates,
 * currencies, links, sections, derived counts) and then immutable. Load it once and share it.
 */
public final class Catalog {

    private final List<Claim> claims;
    private final Map<String, Claim> byId;
    private final List<Section> sections;
    private final Map<String, Section> sectionsByCode;
    private final List<Conflict> conflicts;
    private final List<CrossCheck> checks;

    private Catalog(CatalogValidator.Validated validated, List<CrossCheck> checks) {
        this.checks = checks;
        this.claims = validated.claims();
        Map<String, Claim> ids = new LinkedHashMap<>();
        claims.forEach(c -> ids.put(c.id(), c));
        this.byId = Collections.unmodifiableMap(ids);
        this.sections = validated.sections();
        Map<String, Section> codes = new LinkedHashMap<>();
        sections.forEach(s -> codes.put(s.code(), s));
        this.sectionsByCode = Collections.unmodifiableMap(codes);
        this.conflicts = validated.conflicts();
    }

    /** The historical catalog shipped on the classpath ({@code catalog/*.yaml} against {@code seeds/*.txt}). */
    public static Catalog loadHistorical() {
        return load(CatalogSource.classpath(), CatalogLimits.DEFAULT);
    }

    /** The shipped sources and those of these folders ({@code <name>.txt} with {@code <name>.yaml}), in name order. */
    public static Catalog load(List<Path> sourceFolders) {
        return load(SourceFolders.withShipped(sourceFolders), CatalogLimits.DEFAULT);
    }

    /** A catalog from {@code root/catalog/*.yaml} with seeds in {@code root/seeds}. */
    public static Catalog load(Path root) {
        return load(CatalogSource.directories(root.resolve("catalog"), root.resolve("seeds")), CatalogLimits.DEFAULT);
    }

    /** Loads and validates; a broken catalog throws {@link CatalogException} listing every problem found. */
    public static Catalog load(CatalogSource source, CatalogLimits limits) {
        CatalogValidator.Validated validated = CatalogValidator.validate(new CatalogReader(source, limits).read());
        Map<String, Claim> ids = new LinkedHashMap<>();
        validated.claims().forEach(c -> ids.put(c.id(), c));
        try (java.io.InputStream in = source.openChecks()) {
            return new Catalog(validated, CheckReader.read(in, ids));
        } catch (java.io.IOException e) {
            throw new CatalogException(CheckReader.FILE, null, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The catalog without these claims (a hold-out): their affiliates-table rows, conflicts and checks go with
     * them; every other claim stays as it was validated.
     */
    public Catalog without(java.util.Set<String> ids) {
        List<Claim> kept = claims.stream().filter(c -> !ids.contains(c.id())).toList();
        List<Section> rows = sections.stream().filter(s -> !ids.contains(s.claimId())).toList();
        List<Conflict> disputes = conflicts.stream().filter(c -> !ids.contains(c.first()) && !ids.contains(c.second())).toList();
        List<CrossCheck> kept2 = checks.stream().filter(x -> x.claims().stream().noneMatch(ids::contains)).toList();
        return new Catalog(new CatalogValidator.Validated(kept, rows, disputes), kept2);
    }

    /**
     * The claims together with every claim that states the same figure: same kind, subject, scope, date, event,
     * unit, value, link and goods (the 8,900,000 members of 1928 in seeds 002 and 003 are one figure).
     */
    public java.util.Set<String> withSameFigures(java.util.Collection<String> ids) {
        java.util.Set<String> figures = new java.util.HashSet<>();
        ids.forEach(id -> find(id).ifPresent(c -> figures.add(figure(c))));
        java.util.Set<String> all = new java.util.LinkedHashSet<>(ids);
        claims.stream().filter(c -> figures.contains(figure(c))).forEach(c -> all.add(c.id()));
        return all;
    }

    /** The key two claims share when they state the same figure. */
    public static String figure(Claim c) {
        return String.join("|", c.kind().name(), java.util.Objects.toString(c.subject()),
                java.util.Objects.toString(c.scope()), java.util.Objects.toString(c.dateText()),
                java.util.Objects.toString(c.event()), java.util.Objects.toString(c.unit()),
                c.value() == null ? "-" : c.renderValue(), c.link() == null ? "-" : c.link().render(),
                java.util.Objects.toString(c.commodity()));
    }

    /** The claim-against-claim checks of {@code checks.yaml}, in file order (none when there is no such file). */
    public List<CrossCheck> checks() {
        return checks;
    }

    /** Every claim, in file order and then in the order each file lists them. */
    public List<Claim> claims() {
        return claims;
    }

    public int size() {
        return claims.size();
    }

    public Optional<Claim> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The claim with this id; an unknown id is an error naming it, since callers cite ids they expect to exist. */
    public Claim get(String id) {
        Claim c = byId.get(id);
        if (c == null) {
            throw new CatalogException("(catalog)", id, "no such claim");
        }
        return c;
    }

    public List<Claim> byKind(ClaimKind kind) {
        return claims.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Claims about a subject written as in the catalog: {@code organisation}, {@code section:DE}, {@code city:Kiev}. */
    public List<Claim> bySubject(String subject) {
        Subject s = Subject.parse(subject);
        return claims.stream().filter(c -> c.subject().equals(s)).toList();
    }

    /** Claims that quote one seed file. */
    public List<Claim> bySource(String seedFileName) {
        return claims.stream().filter(c -> c.source().equals(seedFileName)).toList();
    }

    /** Claims within the ledger's period and subject, that is without an {@code outOfScope} reason. */
    public List<Claim> inScope() {
        return claims.stream().filter(Claim::inScope).toList();
    }

    /** Every conflicting pair once, ordered by the first claim's position in the catalog. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** The claims that disagree with this one. */
    public List<Claim> conflictsOf(String id) {
        return get(id).conflictsWith().stream().map(byId::get).toList();
    }

    /** The parts of a whole (delegates by group), in catalog order. */
    public List<Claim> partsOf(String id) {
        get(id);
        return claims.stream().filter(c -> id.equals(c.partOf())).toList();
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String code) {
        return Optional.ofNullable(sectionsByCode.get(code));
    }

    /** How many claims of each kind, every kind present (zero where none). */
    public Map<ClaimKind, Long> countByKind() {
        Map<ClaimKind, Long> counts = new EnumMap<>(ClaimKind.class);
        for (ClaimKind k : ClaimKind.values()) {
            counts.put(k, 0L);
        }
        claims.forEach(c -> counts.merge(c.kind(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** How many claims quote each seed, by seed file name. */
    public Map<String, Long> countBySource() {
        Map<String, Long> counts = new TreeMap<>();
        claims.forEach(c -> counts.merge(c.source(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }
}
