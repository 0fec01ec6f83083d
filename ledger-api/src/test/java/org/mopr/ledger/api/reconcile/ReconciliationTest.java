package org.mopr.ledger.api.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.reconciliation.Line;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.ReconciliationFormat;
import org.mopr.ledger.projection.reconciliation.Status;
import org.mopr.ledger.shared.LedgerJson;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** One assertion type per test, on a real historical run projected by the live processor. */
class ReconciliationTest {

    static HistoricalRun run;
    static Reconciliation reconciliation;

    @BeforeAll
    static void runHistorical() {
        run = new HistoricalRun("reconcile");
        reconciliation = run.context.getBean(ReconciliationService.class).of(run.run());
    }

    @AfterAll
    static void close() {
        run.close();
    }

    static Line line(String claimId) {
        return reconciliation.line(claimId).orElseThrow(() -> new AssertionError("no line for " + claimId));
    }

    @Test
    void aMoneyTotalMatchesToTheCent() {
        Line usd = line("c001.ussr-aid-1923-usd");
        assertThat(usd.check()).isEqualTo("TOTAL");
        assertThat(usd.status()).isEqualTo(Status.MATCH);
        assertThat(usd.expected()).isEqualTo("48265.00 USD");
        assertThat(usd.actual()).isEqualTo("48265.00 USD");
        assertThat(line("c001.ussr-aid-1923-frf").actual()).isEqualTo("3000.00 FRF");
        assertThat(line("c001.ussr-aid-1923-usd/collected").status()).isEqualTo(Status.MATCH);
    }

    @Test
    void aGoldRubleTotalCountsTheOtherCurrenciesThroughTheDeclaredRates() {
        Line xrg = line("c001.ussr-aid-to-1924-07-xrg");
        assertThat(xrg.status()).isEqualTo(Status.MATCH);
        assertThat(xrg.actual()).isEqualTo("440000.00 XRG");
        assertThat(xrg.reason()).contains("48265.00 USD at 19434/10000").contains("assumed rate");
    }

    @Test
    void aCensusMatchesTheCensusTheStreamCarries() {
        Line members = line("c002.members-1928");
        assertThat(members.check()).isEqualTo("CENSUS");
        assertThat(members.status()).isEqualTo(Status.MATCH);
        assertThat(members.actual()).isEqualTo("8900000 members");
    }

    @Test
    void aCompositionIsTheSumOfItsParts() {
        Line whole = line("c003.congress-1924-delegates");
        assertThat(whole.check()).isEqualTo("COMPOSITION");
        assertThat(whole.status()).isEqualTo(Status.MATCH);
        assertThat(whole.reason()).contains("groups sum to 109");
        assertThat(line("c003.congress-1924-delegates-cp").actual()).isEqualTo("91 delegates");
    }

    @Test
    void aCountOfSectionsTheRunCannotFullyExplainSaysHowMuchItExplains() {
        Line sections = line("c003.sections-1928");
        assertThat(sections.check()).isEqualTo("COUNT_AT");
        assertThat(sections.actual()).isEqualTo("30 sections");
        assertThat(sections.difference()).isEqualTo("-14");
        // The table cannot account for the count: a conflict with its derived range, and the part explained.
        assertThat(sections.status()).isEqualTo(Status.CONFLICT);
        assertThat(sections.reason()).contains("explain 30 of 44");
    }

    @Test
    void aBoundFromTheTableHoldsForTheRun() {
        Line bound = line("c003.table-affiliates-by-1928");
        assertThat(bound.check()).isEqualTo("BOUND");
        assertThat(bound.expected()).isEqualTo("30..65 sections");
        assertThat(bound.actual()).isEqualTo("30 sections");
    }

    @Test
    void aDateMatchesWhenThePlacedDayFallsWithinIt() {
        Line austria = line("c003.affiliate-at");
        assertThat(austria.check()).isEqualTo("DATE");
        assertThat(austria.status()).isEqualTo(Status.MATCH);
        assertThat(line("c001.birthday-1922-11-30").actual()).isEqualTo("1922-11-30");
    }

    @Test
    void linksAndGoodsAreFoundInTheStream() {
        assertThat(line("c001.patronage-kiev-pl").status()).isEqualTo(Status.MATCH);
        Line ambiguous = line("c001.patronage-moscow-south");
        assertThat(ambiguous.status()).isEqualTo(Status.MATCH);
        assertThat(ambiguous.reason()).contains("without saying which");
        assertThat(line("c001.ukraine-volga-bread").status()).isEqualTo(Status.MATCH);
        assertThat(line("c001.ukraine-volga-bread").check()).isEqualTo("GOODS");
    }

    @Test
    void aConflictShowsBothPassages() {
        Line conflict = line("c003.sections-1932-outside-ussr-67");
        assertThat(conflict.status()).isEqualTo(Status.CONFLICT);
        assertThat(conflict.citations()).extracting(Line.Citation::claimId)
                .contains("c003.sections-1932-outside-ussr-67", "c003.affiliates-1932-62");
        assertThat(conflict.citations()).allSatisfy(c -> assertThat(c.quote()).isNotBlank());
    }

    @Test
    void whatTheLedgerCannotCheckSaysWhy() {
        assertThat(line("c003.periodicals-1931").status()).isEqualTo(Status.UNCHECKABLE);
        assertThat(line("c003.periodicals-1931").reason()).contains("periodicals");
        assertThat(line("c003.affiliate-al").reason()).contains("no establishment date for Albania");
        assertThat(line("c001.us-167k-1923").reason()).contains("founds the US section in 1925");
        assertThat(line("c003.es-hospitals-275").reason()).startsWith("out of scope");
    }

    @Test
    void everyLineCitesItsSource() {
        assertThat(reconciliation.lines()).hasSizeGreaterThan(200)
                .allSatisfy(l -> assertThat(l.citations()).isNotEmpty());
        assertThat(reconciliation.countByStatus().get(Status.MISMATCH)).isZero();
    }

    @Test
    void theReportReadsAsJsonAndCsvAndText() throws Exception {
        StringWriter json = new StringWriter();
        ReconciliationFormat.JSON.write(reconciliation, json);
        JsonNode array = LedgerJson.mapper().readTree(json.toString());
        assertThat(array.isArray()).isTrue();
        JsonNode first = array.get(0);
        for (String field : new String[]{"claimId", "status", "expected", "actual", "difference", "citations"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("citations").get(0).has("source")).isTrue();
        assertThat(first.get("citations").get(0).has("quote")).isTrue();

        StringWriter csv = new StringWriter();
        ReconciliationFormat.CSV.write(reconciliation, csv);
        assertThat(csv.toString().split("\r\n")).hasSize(reconciliation.lines().size() + 1);

        StringWriter text = new StringWriter();
        ReconciliationFormat.TEXT.write(reconciliation, text);
        assertThat(text.toString()).contains("MATCH " + reconciliation.countByStatus().get(Status.MATCH))
                .contains("CONFLICT c003.sections-1932-outside-ussr-67");
    }
}
