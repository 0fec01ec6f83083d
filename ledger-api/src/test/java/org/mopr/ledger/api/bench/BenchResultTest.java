package org.mopr.ledger.api.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's last line is read by scripts: its form with and without the Kafka phase, and what each ratio divides. */
class BenchResultTest {

    private static final BenchResult.Phase TEN_SECONDS = new BenchResult.Phase(1_000_000, 10_000_000_000L, 1 << 20);
    private static final BenchResult.Phase FIVE_SECONDS = new BenchResult.Phase(1_000_000, 5_000_000_000L, 1 << 20);
    private static final BenchResult.Phase TWENTY_SECONDS = new BenchResult.Phase(1_000_000, 20_000_000_000L, 1 << 20);
    /** Live projection at half the replay's rate; the run as long as ingest plus replay (10 s + 10 s). */
    private static final BenchResult.Live LIVE = new BenchResult.Live(TWENTY_SECONDS, 10_000_000_000L);

    @Test
    void withoutABrokerTheKafkaRatioIsNotApplicableAndTheReportSaysWhy() {
        BenchResult result = result(null, null, "(no --kafka BOOTSTRAP given)");
        assertThat(result.ratiosLine()).isEqualTo("ratios: ingest_vs_insert=0.50 ingest_vs_copy=0.50 replay=0.50 kafka=n/a "
                + "live=0.50 axon_metrics=1.00 run_vs_bench=1.00");
        assertThat(printed(result)).contains("kafka   n/a     (no --kafka BOOTSTRAP given)");
    }

    @Test
    void withABrokerTheKafkaRatioIsTheLedgersRateOverThePlainClients() {
        BenchResult result = result(TEN_SECONDS, FIVE_SECONDS, "");
        assertThat(result.ratiosLine()).isEqualTo("ratios: ingest_vs_insert=0.50 ingest_vs_copy=0.50 replay=0.50 kafka=0.50 "
                + "live=0.50 axon_metrics=1.00 run_vs_bench=1.00");
        assertThat(printed(result)).contains("kafka   ledger").contains("1,000,000 projected through Kafka")
                .contains("1,000,000 through plain Kafka");
    }

    @Test
    void onlyIngestAndReplayLeavesTheLaterRatiosNotApplicable() {
        BenchResult result = new BenchResult(new BenchOptions(1_000_000, null, null, 1, 2_000, true, BenchOptions.Phases.INGEST_AND_REPLAY), "here", 999_000,
                1_000_000, TEN_SECONDS, FIVE_SECONDS, FIVE_SECONDS, TEN_SECONDS, FIVE_SECONDS, 1_000_000, null, null,
                "(--phases ingest,replay)", null, null, null, null, 1 << 20, 512 << 20, 1.0, 1.0);
        assertThat(result.ratiosLine()).isEqualTo("ratios: ingest_vs_insert=0.50 ingest_vs_copy=0.50 replay=0.50 kafka=n/a "
                + "live=n/a axon_metrics=n/a run_vs_bench=n/a");
        assertThat(printed(result)).contains("live    n/a     (--phases ingest,replay)")
                .doesNotContain("live and run phases");
    }

    private static BenchResult result(BenchResult.Phase kafka, BenchResult.Phase plainKafka, String note) {
        return new BenchResult(new BenchOptions(1_000_000, null, null, 1, 2_000), "here", 999_000, 1_000_000,
                TEN_SECONDS, FIVE_SECONDS, FIVE_SECONDS, TEN_SECONDS, FIVE_SECONDS, 1_000_000, kafka, plainKafka, note,
                LIVE, LIVE, LIVE, TWENTY_SECONDS, 1 << 20, 512 << 20, 1.0, 1.0);
    }

    private static String printed(BenchResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
