package org.mopr.ledger.simulation.compiler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.section.DonateGoods;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scenario names its own compile rules ({@code rules:}), which extend or replace the shipped ones; what no rule
 * books is set aside with the reason "no rule books claims of kind K for subject S". The invented fixture is a
 * made-up source, not a historical one.
 */
class ScenarioRulesTest {

    private static final Path INVENTED = Path.of("..", "examples", "sources", "invented");

    private static final String GOODS_RULE = """
            # Books the invented report's grain, which the shipped rules leave to no rule.
            extends: historical
            rules:
              - books: goods-donation
                kind: GOODS
                subject: section:*
                description: Gifts in kind a section's own report gives, booked to that section.
            """;

    /** A copy of the invented source folder with a scenario and its rules beside the source, as an analyst keeps them. */
    private static Path folder(Path dir, String rules) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("invented"));
        for (String f : List.of("900_invented-fixture.txt", "900_invented-fixture.yaml")) {
            Files.copy(INVENTED.resolve(f), folder.resolve(f));
        }
        Files.writeString(folder.resolve("grain-rules.yaml"), rules);
        Files.writeString(folder.resolve("grain.yaml"), "name: grain\nseed: 1922\nsources: [.]\nrules: grain-rules.yaml\n"
                + "rates:\n  - {table: assumed-1923, from: USD, to: XRG, rate: \"1.9434\", assumption: true}\n"
                + "  - {table: assumed-1923, from: FRF, to: XRG, rate: \"0.1177\", assumption: true}\n");
        return folder;
    }

    private static List<Object> commands(CompiledScenario compiled) {
        List<Object> commands = new ArrayList<>();
        compiled.commands().apply(RunId.of("t")).forEachRemaining(commands::add);
        return commands;
    }

    @Test
    void rulesBesideAScenarioInASourceFolderExtendTheShippedOnesAndBookWhatTheyLeftOut(@TempDir Path dir)
            throws IOException {
        Path folder = folder(dir, GOODS_RULE);
        // The scenario and the rules file beside the source are not sources: the folder still loads.
        Catalog catalog = Catalog.load(List.of(folder));
        CompiledScenario compiled = ScenarioCompiler.compile(ScenarioReader.source(folder.resolve("grain.yaml").toString()),
                null, catalog);
        List<Object> commands = commands(compiled);
        assertThat(Compiled.ofType(commands, DonateGoods.class)).filteredOn(d -> d.sectionId().code().equals("NL"))
                .singleElement().satisfies(d -> {
                    assertThat(d.quantity()).isEqualTo(new Quantity(300, GoodsUnit.POOD));
                    assertThat(d.provenance().claims()).containsExactly("c900.nl-grain-1927");
                });
        // Everything else the shipped rules book is booked as before: one command more than without the rule.
        CompiledScenario shipped = ScenarioCompiler.compile(ScenarioReader.source("historical"), null, catalog);
        assertThat(commands).hasSize(commands(shipped).size() + 1);
        assertThat(compiled.omissions()).noneMatch(o -> o.reason().startsWith("no rule books"));
    }

    @Test
    void rulesThatReplaceTheShippedOnesSetAsideWhatTheyNoLongerBookWithTheReason(@TempDir Path dir) throws IOException {
        Path folder = folder(dir, """
                # Only the organisation and its sections: no census, no money.
                rules:
                  - {books: found-organisation, kind: DATE, subject: organisation, event: founded}
                  - {books: open-central-fund, kind: DATE, subject: "body:Central Bureau", event: formed}
                  - {books: found-section, kind: DATE, subject: "section:*", event: founded}
                """);
        Catalog catalog = Catalog.load(List.of(folder));
        CompiledScenario compiled = ScenarioCompiler.compile(ScenarioReader.source(folder.resolve("grain.yaml").toString()),
                null, catalog);
        List<Object> commands = commands(compiled);
        assertThat(Compiled.ofType(commands, FoundSection.class)).isNotEmpty();
        assertThat(Compiled.ofType(commands, ReportOrganisationMembership.class)).isEmpty();
        assertThat(Compiled.dues(commands)).isEmpty();
        assertThat(compiled.omissions()).contains(
                new Omission("c002.members-1931", "no rule books claims of kind COUNT for subject organisation"),
                new Omission("c900.nl-members-1927-03-01", "no rule books claims of kind COUNT for subject section:NL"));
        // The grain no rules book either way needs no event: the reconciliation finds it from the shipped rules.
        assertThat(compiled.omissions()).noneMatch(o -> o.claimId().equals("c900.nl-grain-1927"));
    }

    @Test
    void theShippedRulesNamedOutrightCompileAsTheDefault() {
        ScenarioSource named = Compiled.text(ScenarioReader.source("historical").text() + "\nrules: historical\n");
        assertThat(Compiled.commands(named, null)).isEqualTo(Compiled.commands("historical", null));
    }

    @Test
    void eachMistakeInAScenarioRulesFileNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        expect(dir, null, "grain.yaml:4: rules: no such file 'grain-rules.yaml'");
        expect(dir, "rules:\n  - {books: count, kind: COUNT, subject: organisation}\n",
                "grain-rules.yaml:2: rule 1: unknown step 'count'; the compiler books by [aid-collections, census,");
        expect(dir, "extends: mine\nrules:\n  - {books: census, kind: COUNT, subject: organisation}\n",
                "grain-rules.yaml:1: extends 'mine': only the shipped rules, 'historical', can be extended");
        expect(dir, "extends: historical\nrules:\n  - books: census\n    kind: COUNT\n    subject: section:XX\n",
                "grain-rules.yaml:3: rule 1 (census, COUNT of section:XX) matches no claim in the catalog");
        expect(dir, "rules:\n  - books: census\n   kind: COUNT\n", "grain-rules.yaml:3: while parsing a block collection");
    }

    private static void expect(Path dir, String rules, String message) throws IOException {
        Path folder = Files.createTempDirectory(dir, "case");
        Path sources = folder(folder, rules == null ? "" : rules);
        if (rules == null) {
            Files.delete(sources.resolve("grain-rules.yaml"));
        }
        Catalog catalog = Catalog.load(List.of(sources));
        assertThatThrownBy(() -> ScenarioCompiler.compile(ScenarioReader.source(sources.resolve("grain.yaml").toString()),
                null, catalog)).hasMessageContaining(message);
        assertThat(CompileRules.historical().isShipped()).isTrue();
    }
}
