package org.mopr.ledger.api.ensemble;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line per member done: the whole ensemble's bar, its events per second and the time left, and where the
 * members' time went (summed over the writers, so with two writers the phases add up to about twice the wall time).
 */
final class MemberProgress {

    private final PrintStream out;
    private final String id;
    private final int members;
    private final int writers;
    private final long began = System.nanoTime();
    private final long[] phases = new long[3];
    private int done;
    private long events;

    MemberProgress(PrintStream out, String id, int members, int writers) {
        this.out = out;
        this.id = id;
        this.members = members;
        this.writers = writers;
    }

    int done() {
        return done;
    }

    long events() {
        return events;
    }

    void member(EnsembleService.MemberDone m) {
        done++;
        events += m.stored().events();
        for (int i = 0; i < phases.length; i++) {
            phases[i] += m.nanos()[i];
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double left = seconds / done * (members - done);
        int filled = 30 * done / members;
        out.printf(Locale.ROOT, "ensemble %s [%s%s] member %d/%d done, %,d events, %.0f events/s, about %.0f s left"
                        + " (%d writer%s; compile %.1f s, store %.1f s, fold and reconcile %.1f s)%n",
                id, "#".repeat(filled), " ".repeat(30 - filled), done, members, events, events / Math.max(seconds, 1e-9),
                left, writers, writers == 1 ? "" : "s", phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9);
        out.flush();
    }
}
