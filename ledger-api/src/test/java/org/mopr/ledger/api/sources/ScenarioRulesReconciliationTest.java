package org.mopr.ledger.api.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.reconciliation.FoldedRunFacts;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scenario's own rules book, and what they leave, as the reconciliation reports it: a claim only its rules
 * book is checked like any other, and a claim no rule books is UNCHECKABLE with "no rule books claims of kind K for
 * subject S". The plan is folded in memory (no store); the invented fixture is not a historical source.
 */
class ScenarioRulesReconciliationTest {

    private static final Path INVENTED = Path.of("..", "examples", "sources", "invented");

    private static Reconciliation reconcile(Path dir, String rules) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("invented"));
        for (String f : List.of("900_invented-fixture.txt", "900_invented-fixture.yaml")) {
            Files.copy(INVENTED.resolve(f), folder.resolve(f));
        }
        Files.writeString(folder.resolve("my-rules.yaml"), rules);
        Files.writeString(folder.resolve("mine.yaml"), "name: mine\nseed: 1922\nsources: [.]\nrules: my-rules.yaml\n"
                + "rates:\n  - {table: assumed-1923, from: USD, to: XRG, rate: \"1.9434\", assumption: true}\n"
                + "  - {table: assumed-1923, from: FRF, to: XRG, rate: \"0.1177\", assumption: true}\n");
        Catalog catalog = Catalog.load(List.of(folder));
        var compiled = ScenarioCompiler.compile(ScenarioReader.source(folder.resolve("mine.yaml").toString()), null, catalog);
        return new Reconciler(null, catalog).reconcile(new FoldedRunFacts("t",
                compiled.commands().apply(RunId.of("t"))));
    }

    @Test
    void aClaimOnlyTheScenarioRulesBookIsCheckedAndOneNoRuleBooksSaysSo(@TempDir Path dir) throws IOException {
        Reconciliation r = reconcile(dir, """
                extends: historical
                rules:
                  - {books: goods-donation, kind: GOODS, subject: "section:*"}
                """);
        Line grain = r.line("c900.nl-grain-1927").orElseThrow();
        assertThat(grain.status()).isEqualTo(Status.MATCH);
        assertThat(grain.actual()).isEqualTo("300 POOD");
        // With the shipped rules alone the grain is booked by none.
        Reconciliation shipped = reconcile(dir.resolve("b"), "extends: historical\nrules:\n"
                + "  - {books: census, kind: COUNT, subject: \"section:*\", unit: nobody}\n");
        Line unbooked = shipped.line("c900.nl-grain-1927").orElseThrow();
        assertThat(unbooked.status()).isEqualTo(Status.UNCHECKABLE);
        assertThat(unbooked.reason()).startsWith("no rule books claims of kind GOODS for subject section:NL");
    }

    @Test
    void aClaimTheScenarioRulesNoLongerBookIsUncheckableWithTheReason(@TempDir Path dir) throws IOException {
        Reconciliation r = reconcile(dir, """
                rules:
                  - {books: found-organisation, kind: DATE, subject: organisation, event: founded}
                  - {books: found-section, kind: DATE, subject: "section:*", event: founded}
                """);
        Line members = r.line("c900.nl-members-1927-03-01").orElseThrow();
        assertThat(members.status()).isEqualTo(Status.UNCHECKABLE);
        assertThat(members.reason()).isEqualTo("no rule books claims of kind COUNT for subject section:NL");
        assertThat(r.line("c003.affiliate-nl").orElseThrow().reason()).doesNotContain("no rule books");
    }
}
