package org.mopr.ledger.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shipped catalog as a whole: it loads, every quote is in its seed, and nothing is left out. */
class HistoricalCatalogTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.loadHistorical();
    }

    /** Checks quotes without the loader's code: read the YAML raw, read the seed raw, compare. */
    @Test
    void everyQuoteOccursVerbatimInItsSeed() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        int checked = 0;
        List<String> missing = new ArrayList<>();
        for (Path file : catalogFiles()) {
            JsonNode root = yaml.readTree(file.toFile());
            String seed = squeeze(Files.readString(RESOURCES.resolve("seeds").resolve(root.get("seed").asText()),
                    StandardCharsets.UTF_8));
            for (JsonNode claim : root.get("claims")) {
                assertThat(claim.get("source").asText()).isEqualTo(root.get("seed").asText());
                if (!seed.contains(squeeze(claim.get("quote").asText()))) {
                    missing.add(claim.get("id").asText());
                }
                checked++;
            }
        }
        assertThat(missing).as("claims whose quote is not in their seed").isEmpty();
        assertThat(checked).isEqualTo(catalog.size());
    }

    @Test
    void seedCopiesAreByteIdenticalToTheSharedSeeds() throws IOException {
        // The seeds as shipped sit beside the project: ../shared/seeds from its root (the parent of this module).
        Path shared = Path.of("").toAbsolutePath().getParent().resolve("../shared/seeds").normalize();
        assumeTrue(Files.isDirectory(shared), "no " + shared + " beside the project");
        try (Stream<Path> seeds = Files.list(shared)) {
            for (Path seed : seeds.toList()) {
                assertThat(Files.readAllBytes(RESOURCES.resolve("seeds").resolve(seed.getFileName())))
                        .as(seed.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(seed));
            }
        }
    }

    @Test
    void classpathIndexListsEveryCatalogFile() throws IOException {
        List<String> index = Files.readAllLines(RESOURCES.resolve("catalog/files.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(index).containsExactlyElementsOf(catalogFiles().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void loadingFromTheSourceDirectoryGivesTheSameCatalog() {
        Catalog fromDisk = Catalog.load(RESOURCES);
        assertThat(fromDisk.claims()).isEqualTo(catalog.claims());
        assertThat(fromDisk.conflicts()).isEqualTo(catalog.conflicts());
        assertThat(fromDisk.checks()).isEqualTo(catalog.checks()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everySeedIsReadAndIdsAreUnique() {
        assertThat(catalog.countBySource()).containsOnlyKeys("000_d903febb1323d2e1.txt", "001_81dcb08b3cb23004.txt",
                "002_3cfe85737e68bb55.txt", "003_c10c5d3d861aa3f5.txt", "004_9c8ef8a961024680.txt");
        Set<String> ids = new HashSet<>();
        catalog.claims().forEach(c -> assertThat(ids.add(c.id())).as(c.id()).isTrue());
        for (ClaimKind kind : ClaimKind.values()) {
            assertThat(catalog.byKind(kind)).as(kind.name()).isNotEmpty();
        }
    }

    @Test
    void theModernAppealIsReadButEntirelyOutOfScope() {
        List<Claim> appeal = catalog.bySource("004_9c8ef8a961024680.txt");
        assertThat(appeal).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.outOfScope()).contains("modern"));
        assertThat(catalog.inScope()).noneMatch(c -> c.source().startsWith("004_"));
    }

    @Test
    void everyAffiliatesTableRowIsASectionWithADateClaim() {
        assertThat(catalog.sections()).hasSize(73);
        for (Section s : catalog.sections()) {
            assertThat(s.code()).matches("[A-Z][A-Z0-9-]{1,11}");
            Claim row = catalog.get(s.claimId());
            assertThat(row.kind()).isEqualTo(ClaimKind.DATE);
            assertThat(row.quote()).startsWith("| " + s.country() + " |");
        }
        assertThat(catalog.section("SU").orElseThrow().groupName())
                .isEqualTo("International Society for Aid to Revolutionary Fighters (MOPR)");
        assertThat(catalog.section("CS").orElseThrow().country()).isEqualTo("Czechoslovakia");
        assertThat(catalog.section("YU").orElseThrow().country()).isEqualTo("Yugoslavia");
        assertThat(catalog.section("TIMOR").orElseThrow().country()).isEqualTo("Isle of Timor");
        assertThat(catalog.section("ES").orElseThrow().groupName()).isNull();
    }

    @Test
    void conflictLinksAreSymmetricAndMarkBothSidesDisputed() {
        for (Claim c : catalog.claims()) {
            for (Claim other : catalog.conflictsOf(c.id())) {
                assertThat(other.conflictsWith()).as(other.id()).contains(c.id());
                assertThat(other.has(Flag.DISPUTED)).as(other.id()).isTrue();
            }
        }
    }

    private static List<Path> catalogFiles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("catalog"))) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("checks.yaml"))
                    .sorted().toList();
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
