package org.mopr.ledger.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sources added as folders of {@code <name>.txt} with {@code <name>.yaml}, read by the code that reads the jar's. */
class SourceFoldersTest {

    static final String SEED_001 = "001_81dcb08b3cb23004";
    /** The invented fixture the walk-through in SCENARIOS.md uses; not a historical source. */
    static final Path INVENTED = Path.of("..", "examples", "sources", "invented");

    /** Copies one shipped source (text and claims) out of the jar into a folder, as an analyst would add it. */
    static Path copyOfShipped(Path dir, String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("from-folder"));
        ClassLoader loader = SourceFoldersTest.class.getClassLoader();
        try (InputStream yaml = loader.getResourceAsStream("catalog/" + name + ".yaml");
             InputStream text = loader.getResourceAsStream("seeds/" + name + ".txt")) {
            Files.copy(yaml, folder.resolve(name + ".yaml"));
            Files.copy(text, folder.resolve(name + ".txt"));
        }
        return folder;
    }

    @Test
    void aShippedSourceReadFromAFolderInsteadOfTheJarGivesTheSameCatalog(@TempDir Path dir) throws IOException {
        Catalog shipped = Catalog.loadHistorical();
        CatalogSource withoutJarCopy = SourceFolders.without(CatalogSource.classpath(), Set.of(SEED_001 + ".yaml"));
        // Without its copy the others' links into it dangle: the folder's copy is what mends them.
        assertThatThrownBy(() -> Catalog.load(withoutJarCopy, CatalogLimits.DEFAULT))
                .hasMessageContaining("conflictsWith names unknown claim c001.");

        Catalog fromFolder = Catalog.load(SourceFolders.combine(withoutJarCopy, List.of(copyOfShipped(dir, SEED_001))),
                CatalogLimits.DEFAULT);

        assertThat(fromFolder.claims()).isEqualTo(shipped.claims());
        assertThat(fromFolder.conflicts()).isEqualTo(shipped.conflicts());
        assertThat(fromFolder.sections()).isEqualTo(shipped.sections());
        assertThat(fromFolder.checks()).isEqualTo(shipped.checks());
        assertThat(CatalogReport.markdown(fromFolder)).isEqualTo(CatalogReport.markdown(shipped));
    }

    @Test
    void theInventedFixtureAddsItsClaimsAndLinksItsConflictBothWays() {
        Catalog catalog = Catalog.load(List.of(INVENTED));
        assertThat(catalog.size()).isEqualTo(Catalog.loadHistorical().size() + 4);
        assertThat(catalog.bySource("900_invented-fixture.txt")).extracting(Claim::id).containsExactly(
                "c900.nl-founded-1924-10", "c900.nl-members-1927-03-01", "c900.nl-collected-1927-nlg", "c900.nl-grain-1927");
        Claim guilders = catalog.get("c900.nl-collected-1927-nlg");
        assertThat(guilders.money().minor()).isEqualTo(1_248_050L);
        assertThat(guilders.money().currency().code()).isEqualTo("NLG");
        assertThat(guilders.citation().source()).isEqualTo("900_invented-fixture.txt");
        // The table's row learns of the new passage that disputes it: both stay, a scenario picks one.
        assertThat(catalog.conflictsOf("c003.affiliate-nl")).extracting(Claim::id).contains("c900.nl-founded-1924-10");
        assertThat(catalog.get("c900.nl-founded-1924-10").flags()).contains(Flag.DISPUTED);
    }

    @Test
    void aSourceWhoseNameIsAlreadyLoadedIsRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Path folder = copyOfShipped(dir, SEED_001);
        assertThatThrownBy(() -> Catalog.load(List.of(folder)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(folder.resolve(SEED_001 + ".yaml").toString())
                .hasMessageContaining("a source of this name is already loaded from " + SEED_001 + ".yaml");
    }

    @Test
    void aClaimsFileWithoutItsTextOrATextWithoutClaimsIsRefused(@TempDir Path dir) throws IOException {
        Path lone = Files.createDirectories(dir.resolve("lone"));
        Files.writeString(lone.resolve("950_notes.yaml"), "seed: 950_notes.txt\nclaims: []\n");
        assertThatThrownBy(() -> Catalog.load(List.of(lone)))
                .hasMessageContaining("950_notes.yaml: no text 950_notes.txt beside it");
        Path text = Files.createDirectories(dir.resolve("text"));
        Files.writeString(text.resolve("951_letter.txt"), "A letter.");
        assertThatThrownBy(() -> Catalog.load(List.of(text)))
                .hasMessageContaining("951_letter.txt: no claims file 951_letter.yaml beside it");
        assertThatThrownBy(() -> Catalog.load(List.of(dir.resolve("missing"))))
                .hasMessageContaining("missing: no such source folder");
    }

    @Test
    void aQuoteNotInItsTextIsRefusedNamingTheFileAndClaim(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("bad"));
        Files.copy(INVENTED.resolve("900_invented-fixture.txt"), folder.resolve("900_invented-fixture.txt"));
        Files.writeString(folder.resolve("900_invented-fixture.yaml"), Files.readString(
                INVENTED.resolve("900_invented-fixture.yaml")).replace("counted 2,150 members", "counted 2,151 members"));
        assertThatThrownBy(() -> Catalog.load(List.of(folder)))
                .hasMessageContaining(folder.resolve("900_invented-fixture.yaml") + ":19: claim c900.nl-members-1927-03-01:"
                        + " quote does not occur verbatim in 900_invented-fixture.txt");
    }

    @Test
    void refusesMoreThanAHundredFoldersATextOverFiveMegabytesAndTenThousandClaimsInAFile(@TempDir Path dir)
            throws IOException {
        List<Path> many = new ArrayList<>();
        for (int i = 0; i <= SourceFolders.MAX_FOLDERS; i++) {
            many.add(Files.createDirectories(dir.resolve("f" + i)));
        }
        assertThatThrownBy(() -> Catalog.load(many)).hasMessageContaining("101 source folders, more than the limit of 100");

        Path big = Files.createDirectories(dir.resolve("big"));
        Files.write(big.resolve("960_big.txt"), new byte[SourceFolders.MAX_TEXT_BYTES + 1]);
        Files.writeString(big.resolve("960_big.yaml"), "seed: 960_big.txt\nclaims: []\n");
        assertThatThrownBy(() -> Catalog.load(List.of(big)))
                .hasMessageContaining("seed 960_big.txt is larger than the limit of 5242880 bytes");

        Path crowded = Files.createDirectories(dir.resolve("crowded"));
        Files.writeString(crowded.resolve("961_crowded.txt"), "On 1 March 1927 the section counted 10 members.");
        StringBuilder yaml = new StringBuilder("seed: 961_crowded.txt\nclaims:\n");
        for (int i = 0; i <= SourceFolders.MAX_CLAIMS_PER_FILE; i++) {
            yaml.append("- {id: c961.n").append(i).append("}\n");
        }
        Files.writeString(crowded.resolve("961_crowded.yaml"), yaml);
        assertThatThrownBy(() -> Catalog.load(List.of(crowded)))
                .hasMessageContaining("961_crowded.yaml: 10001 claims in one file, more than the limit of 10000");
    }

    /** Each bad input of an added source: one line naming file:line, the claim and the problem; nothing loads. */
    @Test
    void eachMistakeInAnAddedSourceNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(INVENTED.resolve("900_invented-fixture.yaml"));
        expect(dir, yaml.replace("currency: NLG", "currency: XAU"),
                ":31: claim c900.nl-collected-1927-nlg: unknown currency 'XAU': known are [BGL, CHF");
        expect(dir, yaml.replace("subject: section:NL\n  kind: COUNT", "subject: section:XX\n  kind: COUNT"),
                ":19: claim c900.nl-members-1927-03-01: refers to unknown section code XX in section:XX");
        expect(dir, yaml.replace("conflictsWith: [c003.affiliate-nl]", "conflictsWith: [c003.affiliate-nx]"),
                ":6: claim c900.nl-founded-1924-10: conflictsWith names unknown claim c003.affiliate-nx");
        expect(dir, yaml.replace("- id: c900.nl-grain-1927", "- id: c900.nl-members-1927-03-01"),
                ":43: claim c900.nl-members-1927-03-01: duplicate id; first defined in ");
        expect(dir, yaml.replace("  kind: GOODS", " kind: GOODS"), ":45: not valid YAML: while parsing a block mapping");
    }

    private static void expect(Path dir, String yaml, String message) throws IOException {
        Path folder = Files.createTempDirectory(dir, "case");
        Files.copy(INVENTED.resolve("900_invented-fixture.txt"), folder.resolve("900_invented-fixture.txt"));
        Files.writeString(folder.resolve("900_invented-fixture.yaml"), yaml);
        assertThatThrownBy(() -> Catalog.load(List.of(folder)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(folder.resolve("900_invented-fixture.yaml") + message);
    }
}
