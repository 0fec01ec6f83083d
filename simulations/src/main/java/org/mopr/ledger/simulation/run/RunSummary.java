package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * What a run prints and writes: its id, how it started (fresh, or clean after an incomplete one), events by
 * type and origin, time and rate, and the fingerprint line that scripts compare.
 */
public record RunSummary(RunId runId, String scenario, long seed, String start, long commands, long events,
                         Map<String, Long> eventsByTypeAndOrigin, Duration elapsed, String fingerprint) {

    public double eventsPerSecond() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return events / seconds;
    }

    public void print(PrintStream out) {
        out.println("run: " + runId + " (scenario " + scenario + ", seed " + seed + ", " + start + ")");
        out.println("events by type and origin:");
        eventsByTypeAndOrigin.forEach((key, count) -> out.printf("  %-45s %,12d%n", key, count));
        out.printf("commands: %,d  events: %,d  elapsed: %.2f s  rate: %,.0f events/s%n",
                commands, events, elapsed.toNanos() / 1e9, eventsPerSecond());
        out.println("fingerprint: " + fingerprint);
    }
}
