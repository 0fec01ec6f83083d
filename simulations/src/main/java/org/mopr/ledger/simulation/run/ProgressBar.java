package org.mopr.ledger.simulation.run;

import java.io.PrintStream;

/** A one-line progress bar for long runs, redrawn at most every half second so it costs nothing. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long total;
    private final String unit;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(total, 1);
        this.unit = unit;
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastDraw < 500_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = (int) Math.min(WIDTH, WIDTH * done / total);
        out.printf("\r[%s%s] %3d%% %,d/%,d %s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.min(100, 100 * done / total), done, total, unit);
        out.flush();
    }

    public void finish() {
        if (drawn) {
            out.println();
        }
    }
}
