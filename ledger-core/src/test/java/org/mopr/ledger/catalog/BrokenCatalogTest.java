package org.mopr.ledger.catalog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken catalog fails, and the message names the file, the claim id and the problem. */
class BrokenCatalogTest {

    private static final String SEED = "900_test.txt";
    private static final String SEED_TEXT = """
            In 1923 the workers
               sent $ 48,265 to prisoners; 109 delegates (91 CP, 18 other) came.
            | Germany | Red Aid | Oct. 1924 | |
            """;

    private static final String VALID = """
            seed: 900_test.txt
            title: test
            sections:
              - {code: DE, country: Germany, groupName: Red Aid, claim: c900.row-de}
            claims:
              - id: c900.row-de
                subject: section:DE
                kind: DATE
                statement: The table dates the German section to Oct. 1924.
                event: founded
                date: "1924-10"
                dateAsWritten: Oct. 1924
                precision: MONTH
                scope: SECTION:DE
                source: 900_test.txt
                quote: "| Germany | Red Aid | Oct. 1924 | |"
                confidence: MEDIUM
              - id: c900.aid-usd
                subject: section:DE
                kind: MONEY
                statement: Workers sent 48,265 dollars.
                value: {type: EXACT, amount: 48265}
                currency: USD
                date: 1923-03/1923-11
                precision: INTERVAL
                scope: SECTION:DE
                source: 900_test.txt
                quote: "the workers sent $ 48,265"
                confidence: HIGH
              - id: c900.delegates
                subject: conference:test
                kind: COUNT
                statement: 109 delegates.
                value: {type: EXACT, amount: 109}
                unit: delegates
                date: "1924"
                precision: YEAR
                scope: ALL
                source: 900_test.txt
                quote: "109 delegates (91 CP, 18 other) came."
                confidence: HIGH
              - id: c900.delegates-cp
                subject: conference:test
                kind: COUNT
                statement: 91 CP delegates.
                value: {type: EXACT, amount: 91}
                unit: delegates
                date: "1924"
                precision: YEAR
                scope: ALL
                source: 900_test.txt
                quote: "109 delegates (91 CP, 18 other) came."
                confidence: HIGH
                partOf: c900.delegates
              - id: c900.delegates-other
                subject: conference:test
                kind: COUNT
                statement: 18 other delegates.
                value: {type: EXACT, amount: 18}
                unit: delegates
                date: "1924"
                precision: YEAR
                scope: ALL
                source: 900_test.txt
                quote: "109 delegates (91 CP, 18 other) came."
                confidence: HIGH
                partOf: c900.delegates
              - id: c900.table-by-1925
                subject: organisation
                kind: COUNT
                statement: Rows established by 1925.
                value: {type: RANGE, low: 1, high: 1}
                unit: sections
                date: "1925-01-01"
                precision: DAY
                scope: ALL
                source: 900_test.txt
                quote: "| Germany | Red Aid | Oct. 1924 | |"
                confidence: HIGH
                derivation: {rule: AFFILIATE_ROWS_BY_DATE, asOf: "1925-01-01"}
            """;

    @Test
    void theFixtureItselfIsValid() {
        Catalog c = load(VALID);
        assertThat(c.size()).isEqualTo(6);
        assertThat(c.get("c900.aid-usd").money().minor()).isEqualTo(4_826_500);
    }

    @Test
    void quoteNotInSeed() {
        expectProblem(VALID.replace("the workers sent $ 48,265", "the workers sent $ 48,266"),
                "c900.aid-usd", "quote does not occur verbatim in 900_test.txt");
    }

    @Test
    void quoteMayDifferOnlyInWhitespace() {
        assertThat(load(VALID.replace("the workers sent $ 48,265", "the  workers\\n sent $ 48,265")).size()).isEqualTo(6);
        expectProblem(VALID.replace("the workers sent $ 48,265", "The workers sent $ 48,265"),
                "c900.aid-usd", "quote does not occur verbatim");
    }

    @Test
    void duplicateIdAcrossFiles() {
        String second = VALID.replace("sections:\n  - {code: DE, country: Germany, groupName: Red Aid, claim: c900.row-de}\n", "");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.yaml", bytes(VALID));
        files.put("b.yaml", bytes(second));
        assertThatThrownBy(() -> Catalog.load(CatalogSource.of(files, Map.of(SEED, bytes(SEED_TEXT))), CatalogLimits.DEFAULT))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("b.yaml:16: claim c900.aid-usd: duplicate id; first defined in a.yaml:18");
    }

    @Test
    void badDate() {
        expectProblem(VALID.replace("date: 1923-03/1923-11", "date: 1923-13/1923-11"), "c900.aid-usd",
                "date '1923-13' does not exist");
        expectProblem(VALID.replace("date: 1923-03/1923-11", "date: spring 1923"), "c900.aid-usd",
                "is not one of YYYY-MM-DD");
        expectProblem(VALID.replace("date: 1923-03/1923-11", "date: before unknown"), "c900.aid-usd",
                "cannot be before 'unknown'");
    }

    @Test
    void precisionMustMatchTheDate() {
        expectProblem(VALID.replace("precision: INTERVAL", "precision: MONTH"), "c900.aid-usd",
                "has precision INTERVAL, but the claim says MONTH");
    }

    @Test
    void tableDateAsWrittenMustMatch() {
        expectProblem(VALID.replace("dateAsWritten: Oct. 1924", "dateAsWritten: Nov. 1924"), "c900.row-de",
                "does not match dateAsWritten 'Nov. 1924'");
    }

    @Test
    void unknownCurrency() {
        expectProblem(VALID.replace("currency: USD", "currency: USX"), "c900.aid-usd", "unknown currency 'USX'");
    }

    @Test
    void moneyWithMoreDigitsThanTheCurrencyHas() {
        expectProblem(VALID.replace("amount: 48265}", "amount: 48265.125}"), "c900.aid-usd",
                "more than 2 decimal places");
    }

    @Test
    void malformedValue() {
        expectProblem(VALID.replace("{type: EXACT, amount: 48265}", "{type: RANGE, low: 5, high: 4}"), "c900.aid-usd",
                "RANGE value has low 5 above high 4");
        expectProblem(VALID.replace("{type: EXACT, amount: 48265}", "{type: ABOUT, amount: 5}"), "c900.aid-usd",
                "value type 'ABOUT' is not one of");
        expectProblem(VALID.replace("{type: EXACT, amount: 48265}", "{type: EXACT, amount: lots}"), "c900.aid-usd",
                "wrong type at claims[1].value.amount");
    }

    @Test
    void fieldsThatTheKindDoesNotTake() {
        expectProblem(VALID.replace("unit: delegates\n    date: \"1924\"\n    precision: YEAR\n    scope: ALL\n"
                + "    source: 900_test.txt\n    quote: \"109 delegates (91 CP, 18 other) came.\"\n    confidence: HIGH\n  - id: c900.delegates-cp",
                "unit: delegates\n    currency: USD\n    date: \"1924\"\n    precision: YEAR\n    scope: ALL\n"
                + "    source: 900_test.txt\n    quote: \"109 delegates (91 CP, 18 other) came.\"\n    confidence: HIGH\n  - id: c900.delegates-cp"),
                "c900.delegates", "COUNT claim takes no currency");
    }

    @Test
    void unknownKey() {
        expectProblem(VALID.replace("    currency: USD", "    currency: USD\n    valu: 3"), "c900.aid-usd",
                "unknown key 'valu'");
    }

    @Test
    void danglingConflictLink() {
        expectProblem(VALID.replace("    confidence: HIGH\n  - id: c900.delegates\n",
                        "    confidence: HIGH\n    conflictsWith: [c900.nope]\n    conflictNote: disagrees\n  - id: c900.delegates\n"),
                "c900.aid-usd", "conflictsWith names unknown claim c900.nope");
    }

    @Test
    void conflictWithoutNote() {
        expectProblem(VALID.replace("    confidence: HIGH\n  - id: c900.delegates\n",
                        "    confidence: HIGH\n    conflictsWith: [c900.row-de]\n  - id: c900.delegates\n"),
                "c900.aid-usd", "conflictsWith needs a conflictNote");
    }

    @Test
    void oneSidedConflictIsMadeSymmetric() {
        Catalog c = load(VALID.replace("    confidence: HIGH\n  - id: c900.delegates\n",
                "    confidence: HIGH\n    conflictsWith: [c900.row-de]\n    conflictNote: dates differ\n  - id: c900.delegates\n"));
        assertThat(c.get("c900.row-de").conflictsWith()).containsExactly("c900.aid-usd");
        assertThat(c.get("c900.row-de").has(Flag.DISPUTED)).isTrue();
        assertThat(c.conflicts()).containsExactly(
                new Conflict("c900.aid-usd", "c900.row-de", Conflict.Type.CONTRADICTION, "dates differ"));
    }

    @Test
    void unknownSectionCode() {
        expectProblem(VALID.replace("    scope: SECTION:DE\n    source: 900_test.txt\n    quote: \"the workers",
                "    scope: SECTION:FR\n    source: 900_test.txt\n    quote: \"the workers"), "c900.aid-usd",
                "scope names unknown section code FR");
    }

    @Test
    void partsMustSumToTheWhole() {
        expectProblem(VALID.replace("{type: EXACT, amount: 18}", "{type: EXACT, amount: 17}"), "c900.delegates-other",
                "parts of c900.delegates sum to 108, not 109");
    }

    @Test
    void derivedCountMustMatchTheTable() {
        expectProblem(VALID.replace("{type: RANGE, low: 1, high: 1}", "{type: RANGE, low: 0, high: 1}"),
                "c900.table-by-1925", "derived count is 0..1 but AFFILIATE_ROWS_BY_DATE gives 1..1");
    }

    @Test
    void idMustCarryTheSeedNumber() {
        expectProblem(VALID.replace("id: c900.aid-usd", "id: c901.aid-usd"), "c901.aid-usd", "id must start with 'c900.'");
    }

    @Test
    void missingSeed() {
        expectFileProblem(VALID.replace("seed: 900_test.txt", "seed: 901_missing.txt"), "seed '901_missing.txt' not found");
        expectFileProblem(VALID.replace("seed: 900_test.txt", "seed: ../etc/passwd"), "must be a seed file name");
    }

    @Test
    void invalidYamlNamesTheLine() {
        expectFileProblem(VALID.replace("title: test", "title: [test"), "test.yaml:3: not valid YAML: ");
        expectFileProblem(VALID.replace("title: test", "title: test\ntitle: again"), "not valid YAML");
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() {
        byte[] padding = new byte[CatalogLimits.DEFAULT.maxFileBytes()];
        Arrays.fill(padding, (byte) ' ');
        String big = VALID + "#" + new String(padding, StandardCharsets.US_ASCII) + "\n";
        expectFileProblem(big, "catalog file is larger than the limit of " + CatalogLimits.DEFAULT.maxFileBytes() + " bytes");
    }

    @Test
    void tooManyClaimsIsRefused() {
        CatalogLimits small = new CatalogLimits(1 << 20, 10, 3, 1 << 20);
        assertThatThrownBy(() -> Catalog.load(source(VALID), small))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("test.yaml: catalog holds more than 3 claims");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String broken = VALID.replace("currency: USD", "currency: USX").replace("dateAsWritten: Oct. 1924", "dateAsWritten: Nov. 1924");
        assertThatThrownBy(() -> load(broken))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.problems()).extracting(CatalogException.Problem::claimId)
                            .contains("c900.aid-usd", "c900.row-de");
                    assertThat(e.getMessage()).startsWith("catalog has ");
                });
    }

    private static void expectProblem(String yaml, String claimId, String problem) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("test\\.yaml:\\d+: claim "
                        + java.util.regex.Pattern.quote(claimId) + ": "))
                .hasMessageContaining(problem);
    }

    private static void expectFileProblem(String yaml, String problem) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("test\\.yaml(:\\d+)?: "))
                .hasMessageContaining(problem);
    }

    private static Catalog load(String yaml) {
        return Catalog.load(source(yaml), CatalogLimits.DEFAULT);
    }

    private static CatalogSource source(String yaml) {
        return CatalogSource.of(Map.of("test.yaml", bytes(yaml)), Map.of(SEED, bytes(SEED_TEXT)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCheckNamingAnUnknownClaimIsRefusedWithItsLine() {
        String checks = """
                checks:
                  - id: x.fine
                    claims: [c900.delegates, c900.aid-usd]
                    sentence: A sentence.
                    relation: at-most
                    tolerance: "0"
                  - id: x.bad
                    claims: [c900.delegates, c900.nobody]
                    sentence: Another.
                    relation: at-most
                    tolerance: "0"
                """;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.yaml", bytes(VALID));
        files.put("checks.yaml", bytes(checks));
        assertThatThrownBy(() -> Catalog.load(CatalogSource.of(files, Map.of(SEED, bytes(SEED_TEXT))), CatalogLimits.DEFAULT))
                .isInstanceOf(CatalogException.class)
                .hasMessage("catalog: checks.yaml: line 8: check x.bad names unknown claim 'c900.nobody'");
        files.put("checks.yaml", bytes(checks.replace("c900.nobody", "c900.aid-usd")));
        assertThat(Catalog.load(CatalogSource.of(files, Map.of(SEED, bytes(SEED_TEXT))), CatalogLimits.DEFAULT).checks())
                .extracting(CrossCheck::id).containsExactly("x.fine", "x.bad");
        files.put("checks.yaml", bytes(checks.replace("relation: at-most\n    tolerance: \"0\"\n  - id: x.bad",
                "relation: sideways\n    tolerance: \"0\"\n  - id: x.bad")));
        assertThatThrownBy(() -> Catalog.load(CatalogSource.of(files, Map.of(SEED, bytes(SEED_TEXT))), CatalogLimits.DEFAULT))
                .hasMessageContaining("checks.yaml: line 5: check x.fine: unknown relation 'sideways'");
    }
}
