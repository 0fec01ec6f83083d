package org.mopr.ledger.api.bench;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.cli.LedgerCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark is bounded before it starts: the machine is shared, and a runaway size would hold it for hours. */
class BenchOptionsTest {

    @Test
    void moreEventsThanTheStatedMaximumAreRefusedBeforeAnythingStarts() {
        CommandLine cli = LedgerCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("bench", "--events", String.valueOf(BenchOptions.MAX_EVENTS + 1),
                "--db", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--events must be between 1000 and 20000000");
    }

    @Test
    void writerThreadsAndTransactionSizesAreBounded() {
        assertThatThrownBy(() -> new BenchOptions(50_000, null, null, 0, 10_000)).hasMessageContaining("--threads");
        assertThatThrownBy(() -> new BenchOptions(50_000, null, null, BenchOptions.MAX_THREADS + 1, 10_000))
                .hasMessageContaining("--threads");
        assertThatThrownBy(() -> new BenchOptions(50_000, null, null, 1, BenchOptions.MAX_EVENTS_PER_TRANSACTION + 1))
                .hasMessageContaining("--events-per-transaction");
    }

    @Test
    void theBenchmarkChoosesItsOwnSchemaSoAUrlThatNamesOneIsRefused() {
        assertThatThrownBy(() -> new BenchOptions(50_000, "jdbc:postgresql://h/db?currentSchema=public", null, 1, 10_000))
                .hasMessageContaining("fresh one of its own");
        assertThatThrownBy(() -> new BenchOptions(50_000, "jdbc:mysql://h/db", null, 1, 10_000))
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void onlyIngestAndReplayLeavesNoRoomForKafkaAndOtherPhaseListsAreRefused() {
        assertThatThrownBy(() -> new BenchOptions(50_000, null, "127.0.0.1:9092", 1, 2_000, true, BenchOptions.Phases.INGEST_AND_REPLAY))
                .hasMessageContaining("--phases ingest,replay");
        CommandLine cli = LedgerCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "--phases", "replay", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere")).isNotZero();
        assertThat(err.toString()).contains("--phases must be all, ingest,replay or ingest");
    }

    @Test
    void theSizeKnobOfTheShippedScenarioIsSet() {
        assertThat(Bench.scenario(123_456).text()).contains("events: 123456").doesNotContain("events: 50000");
    }
}
