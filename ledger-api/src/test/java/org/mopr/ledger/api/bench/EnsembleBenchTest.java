package org.mopr.ledger.api.bench;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.testsupport.TestPostgres;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ensemble benchmark, small, for correctness only (never speed): both sides handled what they say, the ensemble
 * is complete with its documented totals exact and its members projected, the report ends with the ratio, and the
 * schema is dropped. Bad options are refused before anything starts.
 */
class EnsembleBenchTest {

    @Test
    void aSmallEnsembleAgainstASmallLargeRunReportsBothRatesAndLeavesNothingBehind() throws Exception {
        String db = TestPostgres.freshDatabase("ensemble_bench");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EnsembleBench.Result result = new EnsembleBench(3, 10_000, db, new PrintStream(printed, true, StandardCharsets.UTF_8),
                List.of()).run();
        assertThat(result.members()).isEqualTo(3);
        assertThat(result.ensembleEvents()).as("3 members of historical, 596 events each").isEqualTo(3 * 596);
        assertThat(result.largeEvents()).isGreaterThan(10_000);
        assertThat(result.totalsExact()).isTrue();
        String report = printed.toString(StandardCharsets.UTF_8);
        String[] lines = report.strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("ratios: ensemble=\\d+\\.\\d\\d members=\\d+\\.\\d\\d");
        assertThat(result.projectionSeconds()).isPositive().isLessThan(result.ensembleSeconds());
        assertThat(result.membersRatio()).isGreaterThan(result.ratio());
        assertThat(report).contains("projected in bulk").contains("large run").contains("3 members in")
                .contains("documented totals exact in every member");
        assertThat(BenchSmokeTest.benchSchemasLeft(db)).as("the benchmark drops its schema").isEmpty();
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingStarts() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertThatThrownBy(() -> new EnsembleBench(1, 10_000, null, quiet, List.of()))
                .hasMessage("--members must be 2..1,000, got 1");
        assertThatThrownBy(() -> new EnsembleBench(200, 100, null, quiet, List.of()))
                .hasMessage("--events must be 10,000..5,000,000, got 100");
        assertThatThrownBy(() -> new EnsembleBench(200, 10_000, "jdbc:mysql://x", quiet, List.of()))
                .hasMessageContaining("--db must be a jdbc:postgresql: URL");
    }
}
