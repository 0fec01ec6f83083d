package org.mopr.ledger.simulation.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.simulation.compiler.CompiledScenario;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an analyst sees when a scenario is wrong: every message starts with the file and the line at fault and
 * then names the problem. Each case is the valid {@link #BASE} with one mistake added, so a case can only
 * fail for the mistake it is about ({@link #theBaseScenarioIsValid} keeps the base honest).
 */
class ScenarioValidationTest {

    private static final Catalog CATALOG = Catalog.loadHistorical();
    private static final String FILE = "what-if.yaml";

    /** Lines 1 to 6; a case appends from line 7 on. */
    private static final String BASE = """
            # an analyst's what-if
            name: what-if
            seed: 7
            rates:
              - {from: USD, to: XRG, rate: "1.9434", assumption: true}
              - {from: FRF, to: XRG, rate: "0.1177", assumption: true}
            """;

    private static CompiledScenario compile(String yaml) {
        return ScenarioCompiler.compile(new ScenarioSource(FILE, yaml), null, CATALOG);
    }

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> compile(yaml)).isInstanceOf(ScenarioException.class).hasMessage(message);
    }

    @Test
    void theBaseScenarioIsValid() {
        assertThat(compile(BASE).expectedCommands()).isPositive();
        assertThat(compile(BASE + "overrides:\n  - ban: {section: IT, from: 1924-01-01}\n").expectedCommands()).isPositive();
    }

    // --- what the reader catches: keys, types, dates -------------------------------------------------------

    @Test
    void anUnknownKeyNamesTheFileTheLineAndTheKeysThatWouldDo() {
        refused(BASE + "datePlacment: start\n", FILE + ":7: unknown key 'datePlacment'; known keys here: allocations, "
                + "catalog, datePlacement, description, granularity, holdOut, members, name, overrides, rates, rules, seed, sources, window");
    }

    @Test
    void theLineIsTheKeysOwnWhereverItStands() {
        // The YAML reader looks one line ahead; the line shown must still be the one the key is written on,
        // not the next key's and not a comment that mentions it.
        refused(BASE.replace("seed: 7\n", "seed: 7\n# datePlacment: a typo below\ndatePlacment: start\n"),
                FILE + ":5: unknown key 'datePlacment'; known keys here: allocations, catalog, datePlacement, "
                        + "description, granularity, holdOut, members, name, overrides, rates, rules, seed, sources, window");
    }

    @Test
    void anUnknownKeyInsideAnOverrideIsFoundOnItsOwnLine() {
        refused(BASE + "overrides:\n  - ban: {section: IT, form: 1924-01-01}\n",
                FILE + ":8: unknown key 'form'; known keys here: aidShift, from, section");
        refused(BASE + "window:\n  from: 1923-01-01\n  until: 1925-01-01\n",
                FILE + ":9: unknown key 'until'; known keys here: from, to");
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanSilentlyReplaced() {
        refused(BASE + "seed: 8\n", FILE + ":7: key 'seed' is given twice; write it once");
    }

    @Test
    void aWrongTypeNamesTheKeyWhatWasWrittenAndWhatWasExpected() {
        refused(BASE.replace("seed: 7", "seed: \"abc\""), FILE + ":3: seed: 'abc' is not a whole number");
        // A fraction would otherwise be cut to a whole number and run another seed than the author wrote.
        refused(BASE.replace("seed: 7", "seed: 7.5"), FILE + ":3: seed: '7.5' is not a whole number");
        refused(BASE.replace("seed: 7", "seed: [7]"), FILE + ":3: seed: a list is not a whole number");
        refused(BASE + "allocations:\n  aid-months: {model: seeded-lognormal, sigma: wide}\n",
                FILE + ":8: allocations.aid-months.sigma: 'wide' is not a number");
        refused(BASE.replace("assumption: true}\n  - {from: FRF", "assumption: perhaps}\n  - {from: FRF"),
                FILE + ":5: rates[1].assumption: 'perhaps' is not true or false");
        refused(BASE + "overrides:\n  ban: {section: IT, from: 1924-01-01}\n",
                FILE + ":7: overrides: a mapping is not a list");
    }

    @Test
    void aMalformedDateSaysWhichDateAndWhy() {
        refused(BASE + "window:\n  from: 1923-13-01\n", FILE + ":8: window.from: '1923-13-01' is not a date written "
                + "YYYY-MM-DD (Invalid value for MonthOfYear (valid values 1 - 12): 13)");
        refused(BASE + "window:\n  from: 1923-6-1\n", FILE + ":8: window.from: '1923-6-1' is not a date written YYYY-MM-DD");
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1924-02-30}\n",
                FILE + ":8: overrides[1].ban.from: '1924-02-30' is not a date written YYYY-MM-DD (Invalid date 'FEBRUARY 30')");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"1923-02-30\", because: text}\n",
                FILE + ":8: founding date of US: date '1923-02-30' does not exist: Invalid date 'FEBRUARY 30'");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"spring 1923\", because: text}\n",
                FILE + ":8: founding date of US: date 'spring 1923' is not one of YYYY-MM-DD, YYYY-MM, YYYY, A/B, "
                        + "'before X', 'after X', 'unknown'");
    }

    // --- what needs the catalog: sections and claims -------------------------------------------------------

    @Test
    void anUnknownSectionIsRefusedInEveryKindOfOverride() {
        refused(BASE + "overrides:\n  - ban: {section: XX, from: 1924-01-01}\n",
                FILE + ":8: unknown section 'XX': the affiliates table has no such code");
        refused(BASE + "overrides:\n  - duesFactor: {section: XX, factor: \"2\"}\n",
                FILE + ":8: unknown section 'XX': the affiliates table has no such code");
        refused(BASE + "overrides:\n  - foundingDate: {section: XX, date: \"1923\", because: a test}\n",
                FILE + ":8: unknown section 'XX': the affiliates table has no such code");
        refused(BASE + "overrides:\n  - ban: {section: Italy, from: 1924-01-01}\n",
                FILE + ":8: section code 'Italy' must match [A-Z][A-Z0-9-]{1,11}");
    }

    @Test
    void aSectionThatIsNeverFoundedCannotBeBanned() {
        // Albania's row has no date, so the section never exists on the timeline.
        refused(BASE + "overrides:\n  - ban: {section: AL, from: 1924-01-01}\n",
                FILE + ":8: cannot ban section AL: it is not founded within the period in this scenario");
    }

    @Test
    void preferClaimNeedsTwoKnownClaimsInConflict() {
        refused(BASE + "overrides:\n  - preferClaim: {use: c003.affiliates-1932-99, instead: c003.sections-1932-outside-ussr-67}\n",
                FILE + ":8: unknown claim 'c003.affiliates-1932-99'");
        refused(BASE + "overrides:\n  - preferClaim: {use: c003.affiliates-1932-62, instead: c003.sections-1932-99}\n",
                FILE + ":8: unknown claim 'c003.sections-1932-99'");
        refused(BASE + "overrides:\n  - preferClaim: {use: c003.affiliates-1932-62, instead: c001.us-167k-1923}\n",
                FILE + ":8: claim c003.affiliates-1932-62 is not in conflict with c001.us-167k-1923: preferClaim only "
                        + "swaps a claim for its conflicting twin");
        refused(BASE + "overrides:\n  - preferClaim: {use: c003.affiliates-1932-62}\n",
                FILE + ":8: preferClaim needs both 'use' and 'instead'");
    }

    // --- dates out of the ledger's window -------------------------------------------------------------------

    @Test
    void datesOutsideTheWindowAreRefused() {
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1933-06-01}\n",
                FILE + ":8: ban of IT: date 1933-06-01 lies outside the window 1922-11-30..1932-12-31");
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1921-06-01}\n",
                FILE + ":8: ban of IT: date 1921-06-01 lies outside the window 1922-11-30..1932-12-31");
        // A narrower window narrows what an override may name.
        refused(BASE + "window: {from: 1923-01-01, to: 1925-12-31}\noverrides:\n  - ban: {section: IT, from: 1926-01-01}\n",
                FILE + ":9: ban of IT: date 1926-01-01 lies outside the window 1923-01-01..1925-12-31");
        refused(BASE + "window: {from: 1920-01-01, to: 1932-12-31}\n",
                FILE + ":7: window 1920-01-01..1932-12-31 must lie within the ledger's period 1922-11-30..1932-12-31");
        refused(BASE + "window: {from: 1925-01-01, to: 1924-01-01}\n",
                FILE + ":7: window 1925-01-01..1924-01-01 must lie within the ledger's period 1922-11-30..1932-12-31");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"1935\", because: a test}\n",
                FILE + ":8: founding date of US '1935' must begin within the window 1922-11-30..1932-12-31");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"before 1925\", because: a test}\n",
                FILE + ":8: founding date of US 'before 1925' has no first day to found the section on: give a date "
                        + "that begins within the window 1922-11-30..1932-12-31");
    }

    @Test
    void datesBeforeTheWindowAreRefusedNotMovedToItsStart() {
        // A rate or a founding date dated before the window used to be moved silently to the window's start.
        refused(BASE.replace("rate: \"1.9434\", assumption: true}", "validFrom: 1800-01-01, rate: \"1.9434\", assumption: true}"),
                FILE + ":5: rate USD->XRG: validFrom 1800-01-01 lies outside the window 1922-11-30..1932-12-31");
        refused(BASE.replace("rate: \"1.9434\", assumption: true}", "validTo: 1940-01-01, rate: \"1.9434\", assumption: true}"),
                FILE + ":5: rate USD->XRG: validTo 1940-01-01 lies outside the window 1922-11-30..1932-12-31");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"1800\", because: a test}\n",
                FILE + ":8: founding date of US '1800' must begin within the window 1922-11-30..1932-12-31");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"1922\", because: a test}\n",
                FILE + ":8: founding date of US '1922' must begin within the window 1922-11-30..1932-12-31");
        // Within the window both are taken as written.
        assertThat(compile(BASE.replace("rate: \"1.9434\", assumption: true}",
                "validFrom: 1922-11-30, validTo: 1932-12-31, rate: \"1.9434\", assumption: true}")).expectedCommands()).isPositive();
    }

    // --- YAML the parser cannot read ------------------------------------------------------------------------

    @Test
    void aSyntaxErrorKeepsWhatTheParserExpectedAndTheLineAtFault() {
        // "to" is indented less than "from": the mapping under window ends where the parser expected it to go on.
        refused(BASE + "window:\n  from: 1923-01-01\n to: 1930-01-01\n",
                FILE + ":9: expected <block end>, but found '<block mapping start>' (while parsing a block mapping "
                        + "that begins on line 2)");
        refused(BASE + "- item\n",
                FILE + ":7: expected <block end>, but found '-' (while parsing a block mapping that begins on line 2)");
        // A flow mapping left open: the parser reaches the end of the file; the line shown is the file's last.
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1923-06-01\n",
                FILE + ":8: expected ',' or '}', but got <stream end> (while parsing a flow mapping that begins on line 8)");
        refused(BASE + "name2: \"what-if\n",
                FILE + ":7: found unexpected end of stream (while scanning a quoted scalar that begins on line 7)");
    }

    @Test
    void aTabIsReportedOnItsOwnLine() {
        refused(BASE + "window:\n\tfrom: 1923-01-01\n",
                FILE + ":8: a tab cannot start a token here: YAML indents with spaces, never tabs");
        refused(BASE + "\tdatePlacement: start\n",
                FILE + ":7: a tab cannot start a token here: YAML indents with spaces, never tabs");
    }

    @Test
    void aBinaryFileIsRefusedAsNotText(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("picture.yaml");
        Files.write(binary, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        assertThatThrownBy(() -> ScenarioReader.source(binary.toString())).isInstanceOf(ScenarioException.class)
                .hasMessage(binary + ":1: not a text file (byte 0x89 at offset 0 is not UTF-8): a scenario is YAML text");
        Path program = dir.resolve("program.yaml");
        Files.write(program, new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, (byte) 0xd0});
        assertThatThrownBy(() -> ScenarioReader.source(program.toString())).isInstanceOf(ScenarioException.class)
                .hasMessage(program + ":1: not a text file (a NUL byte at offset 7): a scenario is YAML text");
        Path nul = dir.resolve("nul.yaml");
        Files.write(nul, ("name: x\nseed: 1\n" + "\0".repeat(3)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ScenarioReader.source(nul.toString())).isInstanceOf(ScenarioException.class)
                .hasMessage(nul + ":3: not a text file (a NUL byte at offset 16): a scenario is YAML text");
    }

    @Test
    void aBanNeedsADateAfterTheSectionsFounding() {
        refused(BASE + "overrides:\n  - ban: {section: IT}\n",
                FILE + ":8: ban of IT needs 'from', the date the ban begins (YYYY-MM-DD)");
        // The affiliates table founds the US section in 1925: a 1923 ban would end what does not exist yet.
        refused(BASE + "overrides:\n  - ban: {section: US, from: 1923-06-01}\n",
                FILE + ":8: cannot ban section US from 1923-06-01: it is only founded on 1925-07-02");
    }

    // --- rates ----------------------------------------------------------------------------------------------

    @Test
    void aRateNeedsEitherACitationOrTheAssumptionFlagNotBoth() {
        refused(BASE.replace("rate: \"1.9434\", assumption: true", "rate: \"1.9434\""),
                FILE + ":5: rate USD->XRG needs either a citation or 'assumption: true', exactly one");
        refused(BASE.replace("rate: \"0.1177\", assumption: true", "rate: \"0.1177\", citation: \"seed 001\", assumption: true"),
                FILE + ":6: rate FRF->XRG needs either a citation or 'assumption: true', exactly one");
        // A citation alone is the other legal form.
        assertThat(compile(BASE.replace("rate: \"0.1177\", assumption: true", "rate: \"0.1177\", citation: \"a 1923 table\""))
                .settings().rates().get(1).citation()).isEqualTo("a 1923 table");
    }

    @Test
    void aRateMustBeAPositiveDecimalInAKnownCurrency() {
        refused(BASE.replace("\"1.9434\"", "\"two\""),
                FILE + ":5: rate USD->XRG: 'two' is not a decimal number (write it in quotes, e.g. \"1.5\")");
        refused(BASE.replace("\"1.9434\"", "\"-1\""), FILE + ":5: rate USD->XRG must be positive, got -1");
        refused(BASE.replace("to: XRG, rate: \"1.9434\"", "to: XAU, rate: \"1.9434\""),
                FILE + ":5: unknown currency 'XAU': known are [BGL, CHF, CZK, DEM, FRF, GBP, ITL, NLG, PLZ, RUB, SEK, USD, XCH, XRG]");
        refused(BASE.replace("rate: \"1.9434\", ", ""), FILE + ":4: a rate USD->XRG needs 'rate', e.g. rate: \"1.9434\"");
    }

    // --- allocation models, rules, placement and granularity ------------------------------------------------

    @Test
    void unknownAllocationModelsAndRuleNamesAreRefused() {
        refused(BASE + "allocations:\n  aid-months: {model: dirichlet}\n",
                FILE + ":8: unknown allocation model 'dirichlet': use even or seeded-lognormal");
        refused(BASE + "allocations:\n  aid-weeks: {model: even}\n",
                FILE + ":8: unknown allocation rule 'aid-weeks': known are [aid-countries, aid-months, member-dues]");
        refused(BASE + "allocations:\n  aid-months: {sigma: 0.5}\n",
                FILE + ":8: allocation 'aid-months' needs a model");
        refused(BASE + "allocations:\n  aid-months: {model: seeded-lognormal, sigma: 5}\n",
                FILE + ":8: allocation 'aid-months': sigma must be within [0, 3], got 5.0");
    }

    @Test
    void unknownPlacementGranularityAndCatalogAreRefused() {
        refused(BASE + "datePlacement: random\n",
                FILE + ":7: unknown date placement 'random': use start, middle, end or seeded-random");
        refused(BASE + "granularity: section-day\n",
                FILE + ":7: unknown granularity 'section-day': use section-month or member-month");
        refused(BASE + "catalog: seshat\n", FILE + ":7: unknown catalog 'seshat': only 'historical' ships");
        refused(BASE + "members: {events: 10}\n", FILE + ":7: members: applies only to granularity member-month");
    }

    // --- the file as a whole --------------------------------------------------------------------------------

    @Test
    void anEmptyScenarioIsRefusedWithoutALine(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> ScenarioCompiler.compile(ScenarioReader.source(empty.toString()), null, CATALOG))
                .isInstanceOf(ScenarioException.class).hasMessage(empty + ": scenario is empty");
        refused("  \n\n", FILE + ": scenario is empty");
        // Comments are not content: a file of them is as empty as a blank one.
        refused("# name: what-if\n# seed: 7\n", FILE + ": scenario is empty");
        refused("~\n", FILE + ": scenario is empty");
    }

    @Test
    void aScenarioThatIsNotAMappingIsRefused() {
        refused("- name: what-if\n- seed: 7\n", FILE + ":1: the scenario: a list is not a mapping of keys");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
        String big = BASE + "# " + "x".repeat(ScenarioReader.MAX_BYTES) + "\n";
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, big, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioReader.source(file.toString())).isInstanceOf(ScenarioException.class)
                .hasMessage(file + ": scenario file is larger than " + ScenarioReader.MAX_BYTES + " bytes");
        refused(big, FILE + ": scenario is larger than " + ScenarioReader.MAX_BYTES + " bytes");
        // Exactly at the limit is still a scenario.
        String atLimit = BASE + "#" + "x".repeat(ScenarioReader.MAX_BYTES - BASE.length() - 2) + "\n";
        assertThat(atLimit).hasSize(ScenarioReader.MAX_BYTES);
        assertThat(compile(atLimit).expectedCommands()).isPositive();
    }

    @Test
    void aMissingFileIsRefusedWithTheShippedNames() {
        assertThatThrownBy(() -> ScenarioReader.source("no-such-what-if.yaml")).isInstanceOf(ScenarioException.class)
                .hasMessage("no-such-what-if.yaml: no such scenario: not a shipped name [historical, ban-italy-1923, "
                        + "half-dues, affiliates-62, us-founded-1921, de-founded-1921, bg-formed-1920, dollar-at-2-rubles, "
                        + "synthetic-members] nor a file");
    }

    @Test
    void aMissingSeedOrNameIsRefused() {
        // Without a seed a run could not be repeated; the error points at the top of the scenario, its name.
        refused(BASE.replace("seed: 7\n", ""),
                FILE + ":2: a scenario needs a seed (any whole number) so runs are reproducible");
        refused(BASE.replace("name: what-if\n", ""), FILE + ": a scenario needs a name");
    }

    // --- overrides ------------------------------------------------------------------------------------------

    @Test
    void anOverrideWithTwoWhatIfsAtOnceIsRefusedAndCounted() {
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1924-01-01}\n    duesFactor: {section: IT, factor: \"2\"}\n",
                FILE + ":7: override 1 sets ban and duesFactor: each override must be exactly one of ban, duesFactor, "
                        + "preferClaim, foundingDate (write a list item per what-if)");
        refused(BASE + "overrides:\n  - duesFactor: {section: SU, factor: \"0.5\"}\n  - {}\n",
                FILE + ":7: override 2 sets nothing: each override must be exactly one of ban, duesFactor, "
                        + "preferClaim, foundingDate (write a list item per what-if)");
        // The same two what-ifs as two list items are what the message asks for.
        assertThat(compile(BASE + "overrides:\n  - ban: {section: IT, from: 1924-01-01}\n"
                + "  - duesFactor: {section: SU, factor: \"2\"}\n").settings().bans()).hasSize(1);
    }

    @Test
    void whatIfsWithNothingToActOnAreRefused() {
        refused(BASE + "overrides:\n  - duesFactor: {section: IT, factor: \"2\"}\n",
                FILE + ":8: dues factor of IT has nothing to scale: the sources document collections only for "
                        + org.mopr.ledger.simulation.compiler.MoneyRulesAccess.COLLECTING);
        refused(BASE + "overrides:\n  - preferClaim: {use: c001.name-iopr, instead: c002.name-workers-aid}\n",
                FILE + ":8: preferClaim swaps census counts or a section's founding date; the scenario has no rule that"
                        + " books c001.name-iopr in place of c002.name-workers-aid");
    }

    @Test
    void overrideValuesOutOfRangeAreRefused() {
        refused(BASE + "overrides:\n  - duesFactor: {section: SU, factor: \"-0.5\"}\n",
                FILE + ":8: dues factor of SU must be within [0, 100], got -0.5");
        refused(BASE + "overrides:\n  - duesFactor: {section: SU}\n",
                FILE + ":8: dues factor of SU needs 'factor', e.g. factor: \"0.5\"");
        refused(BASE + "overrides:\n  - ban: {section: IT, from: 1924-01-01, aidShift: 101}\n",
                FILE + ":8: ban of IT: aidShift must be within [0, 100], got 101.0");
        refused(BASE + "overrides:\n  - foundingDate: {section: US, date: \"1923\"}\n",
                FILE + ":8: a founding-date override of US must say why ('because:')");
    }

    @Test
    void everyShippedScenarioPassesValidation() {
        for (String name : ScenarioReader.SHIPPED) {
            ScenarioSource source = ScenarioReader.source(name);
            assertThat(ScenarioValidator.validate(ScenarioReader.parse(source), source).name()).isEqualTo(name);
        }
    }
}
