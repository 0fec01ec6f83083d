package org.mopr.ledger.projection.replay;

/** Hears how a bulk replay goes: for progress lines, and for tests that stop it half way. */
public interface ReplayListener {

    ReplayListener NONE = new ReplayListener() {
    };

    /** The replay began (or resumed an unfinished one) and reads on from {@code position}. */
    default void started(String scope, boolean resumed, long position) {
    }

    /** A batch and the replay's progress were committed together: a crash from here on loses none of it. */
    default void batchCommitted(long events, long position) {
    }
}
