package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.simulation.run.RunSummary;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The historical scenario with the invented fixture folder added (mopr.sources, as {@code run --sources DIR} sets
 * it): its membership count and its guilders are booked, its founding date is linked as a conflict with the
 * affiliates table, its grain no rule books, and the new figures answer in the API with their passages.
 */
class InventedSourceApiTest {

    static final Path INVENTED = Path.of("..", "examples", "sources", "invented").toAbsolutePath().normalize();

    @Test
    void theInventedSourceIsBookedLinkedAndCitedWithoutABuild() {
        try (OwnWebApp app = OwnWebApp.start("invented", "mopr.sources=" + INVENTED)) {
            RunSummary summary = app.context.getBean(RunService.class).run("historical", null,
                    new PrintStream(new ByteArrayOutputStream()));
            String run = summary.runId().value();
            await().atMost(Duration.ofSeconds(90)).until(() -> app.jdbc.queryForObject(
                    "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run) == summary.events());
            assertThat(summary.events()).isEqualTo(596 + 13);

            List<Line> lines = app.context.getBean(ReconciliationService.class).of(run).lines();
            assertThat(line(lines, "c900.nl-members-1927-03-01").status()).isEqualTo(Status.MATCH);
            assertThat(line(lines, "c900.nl-collected-1927-nlg").status()).isEqualTo(Status.MATCH);
            Line founded = line(lines, "c900.nl-founded-1924-10");
            assertThat(founded.status()).isEqualTo(Status.CONFLICT);
            assertThat(founded.citations()).extracting(Line.Citation::claimId).contains("c003.affiliate-nl");
            assertThat(line(lines, "c003.affiliate-nl").status()).isEqualTo(Status.CONFLICT);
            Line grain = line(lines, "c900.nl-grain-1927");
            assertThat(grain.status()).isEqualTo(Status.UNCHECKABLE);
            assertThat(grain.reason()).isEqualTo("no rule books claims of kind GOODS for subject section:NL");

            JsonNode income = Http.get(app.url("/api/explain?figure=income&section=NL&kind=dues&month=1927-06"
                    + "&currency=NLG&run=" + run)).json();
            assertThat(income.path("events")).singleElement().satisfies(ev ->
                    assertThat(ev.path("amount").path("currency").asText()).isEqualTo("NLG"));
            JsonNode guilders = Http.find(income.path("claims"), "id", "c900.nl-collected-1927-nlg");
            assertThat(guilders.path("source").asText()).isEqualTo("900_invented-fixture.txt");
            assertThat(guilders.path("quote").asText()).contains("12,480.50 guilders");

            JsonNode members = Http.get(app.url("/api/explain?figure=membership&scope=section:NL&at=1927-03-01&run="
                    + run)).json();
            assertThat(Http.find(members.path("claims"), "id", "c900.nl-members-1927-03-01").path("quote").asText())
                    .contains("2,150 members");
            JsonNode detail = Http.get(app.url("/api/catalog/c900.nl-founded-1924-10")).json();
            assertThat(detail.path("claim").path("source").asText()).isEqualTo("900_invented-fixture.txt");
            assertThat(Http.find(detail.path("conflicts"), "id", "c003.affiliate-nl").path("quote").asText())
                    .contains("Feb. 1925");
        }
    }

    private static Line line(List<Line> lines, String claim) {
        return lines.stream().filter(l -> l.claimId().equals(claim)).findFirst()
                .orElseThrow(() -> new AssertionError("no reconciliation line for " + claim));
    }
}
