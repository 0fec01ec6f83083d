package org.mopr.ledger.simulation.compiler;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.ReportMembership;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How claims become commands is declared in rules/historical.yaml by kind and subject, never by claim id in code. */
class RulesAsDataTest {

    static final Path INVENTED = Path.of("..", "examples", "sources", "invented");

    @Test
    void noClaimIdOfTheShippedSeedsAppearsInCompilerCode() throws IOException {
        Path compiler = Path.of("src", "main", "java", "org", "mopr", "ledger", "simulation", "compiler");
        try (Stream<Path> files = Files.list(compiler)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThan(10);
            for (Path f : java) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("c00");
            }
        }
    }

    @Test
    void theHistoricalRulesBookEveryKindTheShippedSeedsCompileAndNameTheSteps() {
        CompileRules rules = CompileRules.historical();
        assertThat(rules.rules()).extracting(CompileRules.Rule::books).contains("found-section", "section-census",
                "census", "aid-collections", "donation", "section-collections", "collections-begin", "goods-donation");
        Catalog catalog = Catalog.loadHistorical();
        assertThat(rules.unused(catalog)).isEmpty();
        assertThat(rules.books("aid-collections", catalog.get("c001.ussr-aid-to-1924-07-xrg"))).isTrue();
        assertThat(catalog.get("c001.ussr-aid-to-1924-07-xrg").includes())
                .containsExactly("c001.ussr-aid-1923-usd", "c001.ussr-aid-1923-frf");
    }

    @Test
    void theInventedSourceBooksItsCountAndItsGuildersAndLeavesTheGrainToNoRule() {
        Catalog catalog = Catalog.load(List.of(INVENTED));
        CompiledScenario compiled = ScenarioCompiler.compile(
                org.mopr.ledger.simulation.scenario.ScenarioReader.source("historical"), null, catalog);
        List<Object> commands = new java.util.ArrayList<>();
        compiled.commands().apply(org.mopr.ledger.shared.RunId.of("t")).forEachRemaining(commands::add);

        assertThat(Compiled.ofType(commands, ReportMembership.class)).singleElement().satisfies(r -> {
            assertThat(r.sectionId().code()).isEqualTo("NL");
            assertThat(r.members()).isEqualTo(2150);
            assertThat(r.provenance().claims()).containsExactly("c900.nl-members-1927-03-01");
        });
        assertThat(Compiled.dues(commands)).containsEntry("NLG", 1_248_050L);
        assertThat(Compiled.ofType(commands, CollectDues.class).stream()
                .filter(d -> d.lines().get(0).amount().currency().code().equals("NLG")).count()).isEqualTo(12);
        assertThat(Compiled.ofType(commands, FoundSection.class).stream().filter(f -> f.sectionId().code().equals("NL"))
                .findFirst().orElseThrow().currencies()).extracting(c -> c.code()).contains("NLG");
        // The grain matches no rule: the compiler neither books nor sets it aside; the reconciliation says why.
        assertThat(compiled.omissions()).noneMatch(o -> o.claimId().startsWith("c900."));
        assertThat(CompileRules.historical().ruleFor(catalog.get("c900.nl-grain-1927"))).isEmpty();
        assertThat(CompileRules.unbooked(catalog.get("c900.nl-grain-1927")))
                .isEqualTo("no rule books claims of kind GOODS for subject section:NL");
        // Everything the shipped sources gave is still there, command for command.
        assertThat(commands.size()).isEqualTo(Compiled.commands("historical", null).size() + 13);
    }

    @Test
    void aRulesFileErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> CompileRules.parse("mine.yaml", "rules:\n  - books: census\n    kind: COUNTS\n"
                + "    subject: organisation\n"))
                .isInstanceOf(DomainException.class).hasMessage("mine.yaml:2: rule 1: unknown kind 'COUNTS'");
        assertThatThrownBy(() -> CompileRules.parse("mine.yaml", "rules:\n  - books: census\n    kind: COUNT\n"
                + "    subject: organisation\n    colour: red\n"))
                .hasMessageStartingWith("mine.yaml:5: unknown key 'colour'; known keys here: books, currency, description,");
        CompileRules typo = CompileRules.parse("mine.yaml", "rules:\n  - books: census\n    kind: COUNT\n"
                + "    subject: section:XX\n");
        assertThat(typo.unused(Catalog.loadHistorical())).containsExactly(
                "mine.yaml:2: rule 1 (census, COUNT of section:XX) matches no claim in the catalog");
    }

    @Test
    void aScenarioNamesItsSourceFoldersAndRunsOnlyOnACatalogThatHoldsThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path scenario = dir.resolve("with-sources.yaml");
        Files.writeString(scenario, "name: with-sources\nseed: 1922\nsources: [" + INVENTED.toAbsolutePath() + "]\n");
        var source = org.mopr.ledger.simulation.scenario.ScenarioReader.source(scenario.toString());
        assertThat(org.mopr.ledger.simulation.scenario.ScenarioSources.folders(source))
                .containsExactly(INVENTED.toAbsolutePath().normalize());
        assertThatThrownBy(() -> ScenarioCompiler.compile(source, null, Catalog.loadHistorical()))
                .hasMessageContaining("with-sources.yaml:3: sources: " + INVENTED.toAbsolutePath().normalize()
                        + " is not in the loaded catalog (900_invented-fixture.txt is missing)");
        // Loaded, the folder's claims compile: the Dutch census is in the plan.
        List<Object> commands = new java.util.ArrayList<>();
        ScenarioCompiler.compile(source, null, Catalog.load(List.of(INVENTED))).commands()
                .apply(org.mopr.ledger.shared.RunId.of("t")).forEachRemaining(commands::add);
        assertThat(Compiled.ofType(commands, ReportMembership.class)).extracting(r -> r.sectionId().code())
                .containsExactly("NL");

        Files.writeString(scenario, "name: with-sources\nseed: 1922\nsources: [no-such-folder]\n");
        var missing = org.mopr.ledger.simulation.scenario.ScenarioReader.source(scenario.toString());
        assertThatThrownBy(() -> org.mopr.ledger.simulation.scenario.ScenarioSources.folders(missing))
                .hasMessageContaining("with-sources.yaml:3: sources: no such folder 'no-such-folder'");
    }
}
