package org.mopr.ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog subcommand as a user's script meets it: through the real command line, no Spring context. */
class CatalogCommandTest {

    private static final Catalog CATALOG = Catalog.loadHistorical();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUIRED = List.of("id", "subject", "value", "unit", "date", "precision",
            "scope", "source", "quote", "conflictsWith");
    private static final String SEED_003 = "003_c10c5d3d861aa3f5.txt";

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static JsonNode json(String... args) throws Exception {
        Result r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.isArray()).isTrue();
        return node;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void jsonListsEveryClaimWithTheFieldsTheIssueNames() throws Exception {
        JsonNode array = json("catalog", "--format", "json");
        assertThat(ids(array)).containsExactlyElementsOf(CATALOG.claims().stream().map(Claim::id).toList());
        for (JsonNode claim : array) {
            for (String field : REQUIRED) {
                assertThat(claim.has(field)).as(claim.get("id") + " has " + field).isTrue();
            }
            assertThat(claim.get("id").asText()).isNotBlank();
            assertThat(claim.get("subject").asText()).isNotBlank();
            assertThat(claim.get("source").asText()).matches("00[0-4]_[0-9a-f]{16}\\.txt");
            assertThat(claim.get("quote").asText()).isNotBlank();
            assertThat(claim.get("precision").asText()).isNotBlank();
            assertThat(claim.get("conflictsWith").isArray()).isTrue();
        }
    }

    @Test
    void jsonCarriesTheClaimsOwnValues() throws Exception {
        JsonNode array = json("catalog", "--format", "json");
        for (JsonNode node : array) {
            Claim claim = CATALOG.get(node.get("id").asText());
            assertThat(node.get("subject").asText()).isEqualTo(claim.subject().toString());
            assertThat(node.get("source").asText()).isEqualTo(claim.source());
            assertThat(node.get("quote").asText()).isEqualTo(claim.quote());
            assertThat(node.get("date").asText()).isEqualTo(claim.dateText());
            assertThat(node.get("precision").asText()).isEqualTo(claim.precision().name());
            assertThat(node.get("scope").asText()).isEqualTo(claim.scope().toString());
            List<String> conflicts = new ArrayList<>();
            node.get("conflictsWith").forEach(c -> conflicts.add(c.asText()));
            assertThat(conflicts).isEqualTo(claim.conflictsWith());
        }
        // The 1932 census conflict the issue names is visible from both sides.
        JsonNode sections67 = find(array, "c003.sections-1932-outside-ussr-67");
        assertThat(sections67.get("conflictsWith").toString()).contains("c003.affiliates-1932-62");
        JsonNode affiliates62 = find(array, "c003.affiliates-1932-62");
        assertThat(affiliates62.get("conflictsWith").toString()).contains("c003.sections-1932-outside-ussr-67");
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no claim " + id + " in the output");
    }

    @Test
    void csvHasAHeaderAndOneRowPerClaim() throws Exception {
        Result r = run("catalog", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> rows = csv(r.out());
        assertThat(rows.get(0)).startsWith("id", "kind", "subject").contains(REQUIRED.toArray(String[]::new));
        assertThat(rows).hasSize(CATALOG.size() + 1);
        int width = rows.get(0).size();
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(width));
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList())
                .containsExactlyElementsOf(CATALOG.claims().stream().map(Claim::id).toList());
        int quote = rows.get(0).indexOf("quote");
        // Quotes hold commas and quotation marks: the row must still come back whole.
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row.get(quote)).isEqualTo(CATALOG.get(row.get(0)).quote());
        }
    }

    /** RFC 4180 as the export writes it: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(field.length() == 0 && row.isEmpty()).as("output ends with a complete CRLF line").isTrue();
        return rows;
    }

    @Test
    void textIsTheDefaultWithOneLinePerClaim() {
        Result r = run("catalog");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(CATALOG.size());
        assertThat(lines.get(0)).startsWith(CATALOG.claims().get(0).id() + "  ");
    }

    @Test
    void kindFilterKeepsOnlyThatKindInAnyCase() throws Exception {
        JsonNode money = json("catalog", "--format", "json", "--kind", "money");
        assertThat(ids(money)).isNotEmpty().containsExactlyElementsOf(
                CATALOG.byKind(ClaimKind.MONEY).stream().map(Claim::id).toList());
        assertThat(ids(json("catalog", "--format", "JSON", "--kind", "LINK")))
                .containsExactlyElementsOf(CATALOG.byKind(ClaimKind.LINK).stream().map(Claim::id).toList());
    }

    @Test
    void subjectAndSourceFiltersCombine() throws Exception {
        List<String> italy = ids(json("catalog", "--format", "json", "--subject", "section:IT"));
        assertThat(italy).isNotEmpty().containsExactlyElementsOf(
                CATALOG.bySubject("section:IT").stream().map(Claim::id).toList());

        List<String> seed003 = ids(json("catalog", "--format", "json", "--source", SEED_003));
        assertThat(seed003).isNotEmpty().hasSize(CATALOG.bySource(SEED_003).size());
        assertThat(seed003.size()).isLessThan(CATALOG.size());

        List<String> organisationIn003 = ids(json("catalog", "--format", "json", "--subject", "organisation",
                "--source", SEED_003, "--kind", "count"));
        Set<String> expected = CATALOG.bySource(SEED_003).stream()
                .filter(c -> c.kind() == ClaimKind.COUNT && c.subject().toString().equals("organisation"))
                .map(Claim::id).collect(Collectors.toSet());
        assertThat(organisationIn003).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aWellFormedSubjectWithoutClaimsIsAnEmptyList() throws Exception {
        assertThat(json("catalog", "--format", "json", "--subject", "city:Atlantis")).isEmpty();
    }

    @Test
    void anUnknownFormatIsRefusedInOneLineWithExitCode2() {
        Result r = run("catalog", "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("error: format 'xml' is not one of text, json, csv");
    }

    @Test
    void anUnknownKindIsRefusedAndNamesTheKinds() {
        Result r = run("catalog", "--kind", "moneys");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList())
                .containsExactly("error: kind 'moneys' is not one of money, count, goods, date, link, text");
    }

    @Test
    void aMalformedSubjectOrUnknownSourceIsRefused() {
        Result subject = run("catalog", "--subject", "planet:Mars");
        assertThat(subject.exit()).isEqualTo(2);
        assertThat(subject.err().lines().toList()).singleElement().asString()
                .startsWith("error: subject 'planet:Mars' is not 'organisation' or one of");

        Result source = run("catalog", "--source", "005_nope.txt");
        assertThat(source.exit()).isEqualTo(2);
        assertThat(source.out()).isEmpty();
        assertThat(source.err().lines().toList()).singleElement().asString()
                .startsWith("error: no claim quotes source '005_nope.txt': the seeds are 000_")
                .contains(SEED_003);
    }

    @Test
    void sourcesAddAFoldersClaimsWithTheirCitations() throws Exception {
        String invented = java.nio.file.Path.of("..", "examples", "sources", "invented").toString();
        JsonNode array = json("catalog", "--format", "json", "--sources", invented, "--source", "900_invented-fixture.txt");
        assertThat(ids(array)).containsExactly("c900.nl-founded-1924-10", "c900.nl-members-1927-03-01",
                "c900.nl-collected-1927-nlg", "c900.nl-grain-1927");
        assertThat(array.get(2).get("quote").asText()).contains("12,480.50 guilders");
        assertThat(array.get(2).get("source").asText()).isEqualTo("900_invented-fixture.txt");
        assertThat(ids(json("catalog", "--format", "json", "--sources", invented))).hasSize(CATALOG.size() + 4);
    }

    @Test
    void aBrokenSourceFolderStopsWithOneLineNamingTheFileAndExitTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("950_notes.yaml"), "seed: 950_notes.txt\nclaims: []\n");
        Result r = run("catalog", "--sources", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(dir.resolve("950_notes.yaml") + ": no text 950_notes.txt beside it");
    }
}
