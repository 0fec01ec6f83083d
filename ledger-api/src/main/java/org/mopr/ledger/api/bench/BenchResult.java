package org.mopr.ledger.api.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What a benchmark measured, and the counts that say it measured the right thing: the ledger stored
 * {@code storedEvents}; plain JDBC inserted, the scan read and the rebuild projected exactly as many, and, when
 * Kafka was measured, the workers applied and the plain consumer read exactly as many.
 *
 * @param duesEvents    member dues events among the stored ones (the scenario's size knob)
 * @param plainCopy     the same rows loaded with binary COPY, the second yardstick of ingest (the cheapest way in)
 * @param kafka         the publisher and the projection workers; null when Kafka was not measured, and
 *                      {@code kafkaNote} then says why
 * @param plainKafka    a plain producer and consumer of the same records; null with {@code kafka}
 * @param liveOff       null with {@code --phases ingest,replay} (so are {@code liveOn}, {@code livePaged} and
 *                      {@code run}); else a run of as many events ingested with the processor alone following it
 *                      (paging off), Axon's processor metrics off: timed until the processor is at the head
 * @param liveOn        the same with the metrics on
 * @param livePaged     live projection as the application runs it: metrics on, paging a backlog (LiveProjection)
 * @param run           {@code run} of as many events as a user calls it, until its reconciliation is printed
 *                      ({@code replay}, {@code plainScan}, {@code liveOff}, {@code liveOn} and {@code run} are null
 *                      after {@code --phases ingest}, and their ratios read n/a)
 * @param loadBefore    the machine's one-minute load average when the benchmark began (negative if unknown)
 */
public record BenchResult(BenchOptions options, String where, long duesEvents, long storedEvents,
                          Phase ingest, Phase plainIngest, Phase plainCopy, Phase replay, Phase plainScan,
                          long projectedEvents, Phase kafka, Phase plainKafka, String kafkaNote,
                          Live liveOff, Live liveOn, Live livePaged, Phase run,
                          long peakHeapBytes, long maxHeapBytes, double loadBefore, double loadAfter) {

    /** A run followed by the live processor: {@code phase} until projected, {@code storedNanos} until stored. */
    public record Live(Phase phase, long storedNanos) {
    }

    /** One timed phase: how many events (or rows) in how long, and the highest heap seen during it. */
    public record Phase(long events, long nanos, long peakHeapBytes) {
        public double perSecond() {
            return events / Math.max(nanos / 1e9, 1e-9);
        }

        /** The same timing, for the number of events found afterwards (the phase itself may count otherwise). */
        Phase counting(long counted) {
            return new Phase(counted, nanos, peakHeapBytes);
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    public double ingestRatio() {
        return ingest.perSecond() / plainIngest.perSecond();
    }

    public double ingestCopyRatio() {
        return ingest.perSecond() / plainCopy.perSecond();
    }

    /** Live projection as the application runs it (metrics on, paging a backlog) against the bulk replay. */
    public double liveRatio() {
        return livePaged == null ? Double.NaN : livePaged.phase().perSecond() / replay.perSecond();
    }

    /** What Axon's processor metrics leave of the processor's rate, paging off: 0.95 means they cost 5 %. */
    public double axonMetricsRatio() {
        return liveOn == null ? Double.NaN : liveOn.phase().perSecond() / liveOff.phase().perSecond();
    }

    /** {@code run}'s time over the benchmark's ingest plus replay, per event: 1.0 means as fast, higher is slower. */
    public double runRatio() {
        if (run == null) {
            return Double.NaN;
        }
        double bench = (ingest.seconds() + replay.seconds()) / storedEvents;
        return run.seconds() / run.events() / bench;
    }

    public double replayRatio() {
        return replay == null ? Double.NaN : replay.perSecond() / plainScan.perSecond();
    }

    public double kafkaRatio() {
        return kafka == null ? Double.NaN : kafka.perSecond() / plainKafka.perSecond();
    }

    /** The last line of the report, exactly as scripts read it. */
    public String ratiosLine() {
        return "ratios: ingest_vs_insert=" + ratio(ingestRatio()) + " ingest_vs_copy=" + ratio(ingestCopyRatio())
                + " replay=" + ratio(replayRatio()) + " kafka=" + ratio(kafkaRatio()) + " live=" + ratio(liveRatio())
                + " axon_metrics=" + ratio(axonMetricsRatio()) + " run_vs_bench=" + ratio(runRatio());
    }

    /** Two decimals, or n/a for a phase that was not measured. */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "bench: %,d events in the store (%,d member dues events, the rest the section-level record); "
                        + "%d writer thread%s, %,d events per transaction; Axon's processor metrics %s%n", storedEvents, duesEvents,
                options.threads(), options.threads() == 1 ? "" : "s", options.eventsPerTransaction(),
                options.axonMetrics() ? "on" : "off");
        out.println("store: " + where);
        out.printf(Locale.ROOT, "machine: %d cores, load average %.1f before and %.1f after (other work slows the phases "
                + "at different moments: compare runs made on a quiet machine)%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        line(out, "ingest", "ledger", ingest, "events", "scenario -> aggregates -> event store");
        line(out, "", "plain", plainIngest, "rows", "JDBC batch inserts of the same rows into a table of the same shape");
        line(out, "", "copy", plainCopy, "rows", "the same rows with one binary COPY per transaction");
        out.printf(Locale.ROOT, "%-7s %-7s %.2f  (ledger / plain batch inserts)  %.2f  (ledger / plain COPY)%n", "", "ratio",
                ingestRatio(), ingestCopyRatio());
        if (replay == null) {
            out.println("replay, live and run: n/a (--phases ingest)");
            out.printf(Locale.ROOT, "checks: %,d events stored = %,d inserted by plain JDBC = %,d loaded by plain COPY%n",
                    storedEvents, plainIngest.events(), plainCopy.events());
            out.printf(Locale.ROOT, "peak heap: %,d MB (max heap %,d MB)%n", peakHeapBytes >> 20, maxHeapBytes >> 20);
            out.println(ratiosLine());
            return;
        }
        line(out, "replay", "ledger", replay, "events", "rebuild of every projection: bulk, handover, catch-up, trial balance");
        line(out, "", "plain", plainScan, "events", "JDBC scan of the event table, every payload deserialized");
        out.printf(Locale.ROOT, "%-7s %-7s %.2f%n", "", "ratio", replayRatio());
        if (kafka == null) {
            out.println("kafka   n/a     " + kafkaNote);
        } else {
            line(out, "kafka", "ledger", kafka, "events", "publisher -> topic -> projection worker writing the projections");
            line(out, "", "plain", plainKafka, "events", "plain producer of the same records, plain consumer deserializing them");
            out.printf(Locale.ROOT, "%-7s %-7s %.2f%n", "", "ratio", kafkaRatio());
        }
        if (liveOn == null) {
            out.println("live    n/a     " + kafkaNote);
            out.println("run     n/a     " + kafkaNote);
        } else {
            line(out, "live", "off", liveOff.phase(), "events", String.format(Locale.ROOT, "a run of its own with the "
                    + "processor alone following (paging off), until it is at the head; stored in %.2f s; Axon's processor "
                    + "metrics off", liveOff.storedNanos() / 1e9));
            line(out, "", "on", liveOn.phase(), "events", String.format(Locale.ROOT, "the same, metrics on; stored in %.2f s",
                    liveOn.storedNanos() / 1e9));
            line(out, "", "paged", livePaged.phase(), "events", String.format(Locale.ROOT, "live projection as the application "
                    + "runs it: metrics on, the backlog paged; stored in %.2f s", livePaged.storedNanos() / 1e9));
            out.printf(Locale.ROOT, "%-7s %-7s %.2f  (live as run, paged / bulk replay)  %.2f  (processor alone, metrics on / off)%n",
                    "", "ratio", liveRatio(), axonMetricsRatio());
            line(out, "run", "ledger", run, "events", "'run' as a user calls it, until its reconciliation is printed");
            out.printf(Locale.ROOT, "%-7s %-7s %.2f  (time per event of 'run' / of the ingest plus the replay above, %.2f s)%n",
                    "", "ratio", runRatio(), ingest.seconds() + replay.seconds());
        }
        out.printf(Locale.ROOT, "checks: %,d events stored = %,d inserted by plain JDBC (and by COPY) = %,d scanned = %,d "
                + "projected%s; trial balance zero%s%n", storedEvents,
                plainIngest.events(), plainScan.events(), projectedEvents,
                kafka == null ? "" : String.format(Locale.ROOT, " = %,d projected through Kafka (same rows per table as the "
                        + "replay) = %,d through plain Kafka", kafka.events(), plainKafka.events()),
                liveOn == null ? "" : "; live and run phases: every event stored projected");
        out.printf(Locale.ROOT, "peak heap: %,d MB (max heap %,d MB)%n", peakHeapBytes >> 20, maxHeapBytes >> 20);
        out.println(ratiosLine());
    }

    private static void line(PrintStream out, String phase, String who, Phase p, String unit, String what) {
        out.printf(Locale.ROOT, "%-7s %-7s %,11d %-6s in %7.2f s = %,9.0f %s/s  peak heap %,5d MB  (%s)%n", phase, who,
                p.events(), unit, p.seconds(), p.perSecond(), unit, p.peakHeapBytes() >> 20, what);
    }
}
